// Test data only (not exported from index.ts): the vectors of
// /work/shared/docs/agreement-test-vectors.md, turned into Rating / SetRating arrays.
import type { Rating, SetRating } from './types';

/** Rows as in the doc: one whitespace-separated line per coder, `*` = missing; units u1, u2, ... */
export function fromRows(rows: Record<string, string>): Rating[] {
  return Object.entries(rows).flatMap(([coder, line]) =>
    line
      .trim()
      .split(/\s+/)
      .map((token, i) => ({ item: `u${i + 1}`, coder, value: token === '*' ? null : token })),
  );
}

/** Two coders, items listed as [value of A, value of B, how many items]. */
export function fromPairs(segments: readonly [string, string, number][]): Rating[] {
  const out: Rating[] = [];
  let item = 0;
  for (const [a, b, count] of segments) {
    for (let i = 0; i < count; i++) {
      item++;
      out.push({ item: `i${item}`, coder: 'A', value: a }, { item: `i${item}`, coder: 'B', value: b });
    }
  }
  return out;
}

/** Ratings from a subject x category count table, raters r1..rn assigned in category order. */
export function fromCounts(counts: readonly (readonly number[])[]): Rating[] {
  return counts.flatMap((row, s) => {
    const values = row.flatMap((c, j) => Array<string>(c).fill(`k${j + 1}`));
    return values.map((value, r) => ({ item: `s${s + 1}`, coder: `r${r + 1}`, value }));
  });
}

// 1. Wikipedia, Krippendorff's alpha.
export const wikipedia = fromRows({
  A: '* * * * * 3 4 1 2 1 1 3 3 * 3',
  B: '1 * 2 1 3 3 4 3 * * * * * * *',
  C: '* * 2 1 3 4 4 * 2 1 1 3 3 * 4',
});

// 2. Krippendorff (2011), p. 8.
export const krippendorff2011 = fromRows({
  A: '1 2 3 3 2 1 4 1 2 * * *',
  B: '1 2 3 3 2 2 4 1 2 5 * 3',
  C: '* 3 3 3 2 3 4 2 2 5 1 *',
  D: '1 2 3 3 2 4 4 1 2 5 1 *',
});

// 3. Fleiss (1971).
export const fleiss1971 = [
  [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
];

// 4. Cohen 2x2 textbook case.
export const textbook2x2 = fromPairs([
  ['yes', 'yes', 20],
  ['yes', 'no', 5],
  ['no', 'yes', 10],
  ['no', 'no', 15],
]);

// 5. Artstein & Poesio (2008), as shipped with NLTK.
export const artsteinPoesio = fromPairs([
  ['stat', 'stat', 46],
  ['ireq', 'stat', 6],
  ['ireq', 'ireq', 32],
  ['ireq', 'chck', 6],
  ['chck', 'chck', 10],
]);

// 6. ATLAS.ti manual.
export const atlasTi = fromRows({
  c1: '1 1 0 0 0 0 0 0 0 0',
  c2: '0 1 1 0 0 1 0 1 0 0',
});

// 8. Sets of codes, 3 coders x 5 plots; c3 did not code p5.
const plots: Record<string, (string[] | null)[]> = {
  c1: [['bar'], ['line', 'legend'], ['scatter'], ['hist'], ['bar', 'annot']],
  c2: [['bar'], ['line'], ['scatter', 'trend'], ['hist'], ['bar']],
  c3: [['bar'], ['line', 'legend'], ['scatter'], ['box'], null],
};
export const plotSets: SetRating[] = Object.entries(plots).flatMap(([coder, sets]) =>
  sets.flatMap((values, i) => (values ? [{ item: `p${i + 1}`, coder, values }] : [])),
);
