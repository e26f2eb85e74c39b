import { XMLParser } from 'fast-xml-parser';
import type { ImportEntry } from '../coding/codebook/import-codebook';
import { AppError } from '../errors';
import { parseDescription } from './description';

type XmlCode = { '@_name'?: string; '@_isCodable'?: string; '@_color'?: string; '@_guid'?: string; Description?: string | { '#text'?: string }; Code?: XmlCode[] };

/**
 * Reads a REFI-QDA codebook (.qdc), or the CodeBook of a project.qde, into import entries: nested
 * codes keep their path; isCodable="false" without our kind marker makes a category.
 */
export function parseQdc(xml: string): ImportEntry[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    removeNSPrefix: true,
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    htmlEntities: true, // numeric character references (&#10;) too
    isArray: (name) => name === 'Code',
  });
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch (e) {
    throw new AppError('bad_request', `The file is not well-formed XML (${(e as Error).message.split('\n')[0]}); is it a REFI-QDA .qdc codebook?`);
  }
  const book = (doc.CodeBook ?? (doc.Project as Record<string, unknown> | undefined)?.CodeBook) as { Codes?: { Code?: XmlCode[] } } | undefined;
  if (!book) throw new AppError('bad_request', 'The file has no <CodeBook> element; export a REFI-QDA codebook (.qdc) from your QDA tool and try again.');
  const out: ImportEntry[] = [];
  const walk = (codes: XmlCode[] | undefined, parent: string[]) => {
    for (const c of codes ?? []) {
      const name = (c['@_name'] ?? '').trim();
      if (!name) throw new AppError('bad_request', `A <Code> under “${parent.join(' / ') || 'the top level'}” has no name.`);
      const path = [...parent, name];
      const raw = typeof c.Description === 'string' ? c.Description : (c.Description?.['#text'] ?? '');
      const d = parseDescription(raw);
      const codable = c['@_isCodable'] !== 'false';
      out.push({
        path,
        kind: d.kind ?? (codable ? 'code' : 'category'),
        shortDefinition: d.shortDefinition,
        definition: d.definition,
        whenToUse: d.whenToUse,
        whenNotToUse: d.whenNotToUse,
        colour: expandColour(c['@_color']),
        shortcut: d.shortcut,
        status: d.status ?? 'active',
        source: `Code “${path.join(' / ')}”`,
      });
      walk(c.Code, path);
    }
  };
  walk(book.Codes?.Code, []);
  return out;
}

/** #RGB and #RRGGBB, as the schema allows, to our lower-case #rrggbb. */
function expandColour(c: string | undefined): string | undefined {
  if (!c) return undefined;
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(c.trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((x) => x + x).join('') : m[1];
  return `#${hex.toLowerCase()}`;
}
