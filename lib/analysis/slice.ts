// Backward slicing over the program's statements: from the statements acting on a figure, follow
// every name they read back to the statement that last defined it, plus the updates of that object
// in between (`df['c'] = ...`, `df.dropna(inplace=True)`, `model.fit(...)`), across cells, in
// execution order. A helper function's definition is reached like any name it is called by.
import type { NbCell } from '../notebooks';
import type { Slice } from './types';
import type { Program } from './program';

/** For each name, the statements that define or update it, ascending. */
export type TouchIndex = Map<string, number[]>;

export function touchIndex(program: Program): TouchIndex {
  const index: TouchIndex = new Map();
  for (const s of program.stmts) {
    for (const name of new Set([...s.defs, ...s.updates])) {
      let list = index.get(name);
      if (!list) index.set(name, (list = []));
      list.push(s.index);
    }
  }
  return index;
}

/** The statement indices the seeds depend on (seeds included), ascending. */
export function backwardSlice(program: Program, touches: TouchIndex, seeds: number[]): number[] {
  const kept = new Set<number>(seeds);
  const work = [...seeds];
  while (work.length) {
    const s = program.stmts[work.pop()!];
    for (const name of s.uses) {
      const list = touches.get(name);
      if (!list) continue;
      for (let k = upperBound(list, s.index) - 1; k >= 0; k--) {
        const t = program.stmts[list[k]];
        if (!kept.has(t.index)) {
          kept.add(t.index);
          work.push(t.index);
        }
        // A definition ends the search (what it read is followed from it); an update goes on.
        if (t.defs.includes(name) && !t.updates.includes(name)) break;
      }
    }
  }
  return [...kept].sort((a, b) => a - b);
}

/** Index of the first element > value (list ascending). */
function upperBound(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The slice as types.ts describes it: cells in execution order, line ranges, assembled code. */
export function assembleSlice(program: Program, cells: NbCell[], kept: number[]): Slice {
  const stmts = kept.map((i) => program.stmts[i]);
  const cellOrder: number[] = [];
  for (const s of stmts) if (!cellOrder.includes(s.cell)) cellOrder.push(s.cell);
  const lines = stmts.map((s) => [s.cell, s.first, s.last] as [number, number, number]);
  const code = cellOrder
    .map((cell) => {
      const source = cells[cell].source.split('\n');
      const keep = stmts.filter((s) => s.cell === cell).sort((a, b) => a.first - b.first);
      const text = keep.map((s) => source.slice(s.first, s.last + 1).join('\n')).join('\n');
      return `# cell ${cell}\n${text}`;
    })
    .join('\n\n');
  return { cells: cellOrder, lines, code };
}
