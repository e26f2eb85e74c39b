// The order the code ran in. Execution counts give it when every non-empty code cell has a distinct
// one and that order is consistent: a cell re-run at the end (the imports, after a restart) keeps only
// its last count, so the counts can put a definition after its uses. Consistency is judged on the
// names each cell defines and reads (a quick lexical pass): the execution order is used unless it
// leaves more names read before their definition than the file order does.
import type { NbCell } from '../notebooks';

export interface Order {
  /** Code cells (all-cells index) in the order used. */
  order: number[];
  byExecutionCount: boolean;
}

export function executionOrder(cells: NbCell[]): Order {
  const code = cells.map((c, i) => ({ c, i })).filter(({ c }) => c.cell_type === 'code' && c.source.trim() !== '');
  const fileOrder = code.map(({ i }) => i);
  const counts = code.map(({ c }) => c.execution_count);
  const distinct = counts.every((n) => typeof n === 'number') && new Set(counts).size === counts.length;
  if (!distinct || code.length === 0) return { order: fileOrder, byExecutionCount: false };
  const byCount = [...code].sort((a, b) => a.c.execution_count! - b.c.execution_count!).map(({ i }) => i);
  if (byCount.every((cell, k) => cell === fileOrder[k])) return { order: byCount, byExecutionCount: true };
  const names = new Map(code.map(({ c, i }) => [i, lexicalNames(c.source)]));
  return readsBeforeDefinition(byCount, names) <= readsBeforeDefinition(fileOrder, names)
    ? { order: byCount, byExecutionCount: true }
    : { order: fileOrder, byExecutionCount: false };
}

interface Names {
  defs: Set<string>;
  uses: Set<string>;
}

function readsBeforeDefinition(order: number[], names: Map<number, Names>): number {
  const everDefined = new Set<string>();
  for (const n of names.values()) for (const d of n.defs) everDefined.add(d);
  const defined = new Set<string>();
  let early = 0;
  for (const cell of order) {
    const { defs, uses } = names.get(cell)!;
    for (const u of uses) if (everDefined.has(u) && !defined.has(u) && !defs.has(u)) early++;
    for (const d of defs) defined.add(d);
  }
  return early;
}

const IMPORT = /^[ \t]*import[ \t]+([^\n#;]+)/gm;
const FROM_IMPORT = /^[ \t]*from[ \t]+\S+[ \t]+import[ \t]+\(?([^\n#;)]+)/gm;
const ASSIGN = /^([A-Za-z_]\w*(?:[ \t]*,[ \t]*[A-Za-z_]\w*)*)[ \t]*=[^=]/gm;
const DEF = /^(?:def|class)[ \t]+([A-Za-z_]\w*)/gm;
const IDENT = /\b[A-Za-z_]\w*\b/g;

/** Top-level names a cell defines and the identifiers it mentions (strings and comments removed). */
export function lexicalNames(source: string): Names {
  const defs = new Set<string>();
  for (const m of source.matchAll(IMPORT)) for (const part of m[1].split(',')) addImported(defs, part, false);
  for (const m of source.matchAll(FROM_IMPORT)) for (const part of m[1].split(',')) addImported(defs, part, true);
  for (const m of source.matchAll(ASSIGN)) for (const n of m[1].split(',')) defs.add(n.trim());
  for (const m of source.matchAll(DEF)) defs.add(m[1]);
  const code = source.replace(/(["'])(?:\\.|(?!\1)[^\n])*\1/g, '""').replace(/#[^\n]*/g, '');
  return { defs, uses: new Set(code.match(IDENT) ?? []) };
}

function addImported(defs: Set<string>, part: string, from: boolean): void {
  const m = /^\s*([\w.]+)(?:\s+as\s+(\w+))?\s*$/.exec(part);
  if (!m) return;
  defs.add(m[2] ?? (from ? m[1] : m[1].split('.')[0]));
}
