import type { CodingRow } from '../export-codings';

export interface ItemCodeSets {
  first: CodingRow; // the item's first row, for its notebook and cell
  consensus: boolean; // a consensus coding has been recorded
  coders: Map<string, Set<string>>; // each submitted coder's code paths (empty: "no code applies")
}

/** Export rows grouped by item: each submitted coder's set of codes, and whether consensus exists. */
export function codeSetsByItem(rows: CodingRow[]): Map<string, ItemCodeSets> {
  const items = new Map<string, ItemCodeSets>();
  for (const r of rows) {
    if (!items.has(r.item)) items.set(r.item, { first: r, consensus: false, coders: new Map() });
    const it = items.get(r.item)!;
    if (r.kind === 'consensus') {
      it.consensus = true;
      continue;
    }
    if (!it.coders.has(r.coder)) it.coders.set(r.coder, new Set());
    if (r.code_path) it.coders.get(r.coder)!.add(r.code_path);
  }
  return items;
}

/** How many different code sets the item's submitted coders chose (1: all chose the same). */
export function distinctCodeSets(it: ItemCodeSets): number {
  return new Set([...it.coders.values()].map((s) => [...s].sort().join('\n'))).size;
}
