import type { CodeSnapshot } from '../coding/codebook/snapshot';

// REFI-QDA gives a code one Description. We write our four texts into it under headed sections, and a
// last line for what REFI-QDA has no place for, so a .qdc we wrote reads back the same; a description
// from another tool (no sections) becomes the definition.
const SECTIONS = [
  ['definition', '[Definition]'],
  ['whenToUse', '[When to use]'],
  ['whenNotToUse', '[When not to use]'],
] as const;
const META = /\n?\[vizmine kind=(category|code) status=(active|deprecated)(?: shortcut=(\S))?\]$/;

type Texts = Pick<CodeSnapshot, 'shortDefinition' | 'definition' | 'whenToUse' | 'whenNotToUse'>;
export type DescribedCode = Texts & Pick<CodeSnapshot, 'kind' | 'status' | 'shortcut'>;

export function formatDescription(c: DescribedCode): string {
  const texts = c.shortDefinition || c.definition || c.whenToUse || c.whenNotToUse ? [c.shortDefinition, ...SECTIONS.map(([f, h]) => `${h}\n${c[f]}`)].join('\n') : '';
  const meta = `[vizmine kind=${c.kind} status=${c.status === 'deprecated' ? 'deprecated' : 'active'}${c.shortcut ? ` shortcut=${c.shortcut}` : ''}]`;
  return texts ? `${texts}\n${meta}` : meta;
}

export interface ParsedDescription extends Texts {
  kind?: 'category' | 'code';
  status?: 'active' | 'deprecated';
  shortcut?: string | null;
}

export function parseDescription(text: string): ParsedDescription {
  const out: ParsedDescription = { shortDefinition: '', definition: '', whenToUse: '', whenNotToUse: '' };
  let body = text.replace(/\r\n?/g, '\n');
  const meta = META.exec(body);
  if (meta) {
    Object.assign(out, { kind: meta[1], status: meta[2], shortcut: meta[3] ?? null });
    body = body.slice(0, meta.index);
  }
  const marks = SECTIONS.map(([f, h]) => ({ f, at: body.indexOf(`\n${h}\n`), h }));
  if (marks.some((m) => m.at < 0)) {
    out.definition = body.trim();
    return out;
  }
  out.shortDefinition = body.slice(0, marks[0].at);
  marks.forEach((m, i) => (out[m.f] = body.slice(m.at + m.h.length + 2, i + 1 < marks.length ? marks[i + 1].at : undefined)));
  return out;
}
