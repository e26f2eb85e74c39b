import type { CodeSnapshot } from '../coding/codebook/snapshot';
import { buildTree, type CodeNode } from '../coding/codebook/tree';
import { COLOUR } from '../coding/codebook/validate';
import { AppError } from '../errors';
import { formatDescription } from './description';
import { guidFor } from './guid';
import { attrs, xmlEscape } from './xml';

/**
 * The <Code> elements of a codebook (merged codes left out: their codings live on in the survivor),
 * shared by the .qdc codebook and the project's CodeBook. Only active codes are codable.
 */
export function codesXml(codes: CodeSnapshot[], indent = '  '): string {
  const live = codes.filter((c) => c.status !== 'merged');
  const write = (n: CodeNode, pad: string): string => {
    const head = `${pad}<Code${attrs({ guid: guidFor('code', n.id), name: n.name, isCodable: n.kind === 'code' && n.status === 'active', color: COLOUR.test(n.colour) ? n.colour.toUpperCase() : undefined })}>`;
    const desc = `${pad}  <Description>${xmlEscape(formatDescription(n))}</Description>`;
    return [head, desc, ...n.children.map((c) => write(c, `${pad}  `)), `${pad}</Code>`].join('\n');
  };
  return buildTree(live).map((n) => write(n, indent)).join('\n');
}

/** The codebook as a REFI-QDA codebook file (.qdc, namespace urn:QDA-XML:codebook:1.0). */
export function exportQdc(codes: CodeSnapshot[], opts: { origin?: string } = {}): string {
  // The schema wants at least one Code.
  if (!codes.some((c) => c.status !== 'merged')) throw new AppError('conflict', 'The codebook is empty; add codes before exporting it as a REFI-QDA codebook.');
  const body = codesXml(codes, '    ');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"${attrs({ origin: opts.origin ?? 'vizmine' })}>`,
    '  <Codes>',
    body,
    '  </Codes>',
    '</CodeBook>',
    '',
  ].join('\n');
}
