// Distances between set-valued codings, each in [0, 1] with d(A, A) = 0.
//
// Sets are compared as sets: order and duplicates in the input are ignored. Two empty sets
// are identical (distance 0); NLTK divides by zero there. An empty set against a non-empty
// one is at distance 1 under every metric here.

export type CodeSet = Iterable<string>;

/** Monotonicity weights for MASI. 'nltk' = the rounded constants (1, 0.67, 0.33, 0) that
 * NLTK's masi_distance used from 2012 until nltk/nltk#3695 switched to exact thirds;
 * 'exact' = (1, 2/3, 1/3, 0) as published by Passonneau (2006). */
export type MasiWeights = 'nltk' | 'exact';

const WEIGHTS: Record<MasiWeights, { subset: number; overlap: number }> = {
  nltk: { subset: 0.67, overlap: 0.33 },
  exact: { subset: 2 / 3, overlap: 1 / 3 },
};

/** 1 - |A ∩ B| / |A ∪ B| (Jaccard 1912; NLTK jaccard_distance). */
export function jaccardDistance(a: CodeSet, b: CodeSet): number {
  const { intersection, union } = overlap(a, b);
  return union === 0 ? 0 : 1 - intersection / union;
}

/** MASI, "Measuring Agreement on Set-valued Items": 1 - J * M, J the Jaccard similarity and
 * M the monotonicity weight: 1 if A = B, 2/3 if one is a subset of the other, 1/3 if they
 * overlap otherwise, 0 if disjoint. Source: Passonneau, R. (2006). Measuring agreement on
 * set-valued items (MASI) for semantic and pragmatic annotation. LREC 2006. The default
 * weights are NLTK's rounded ones, so results match published NLTK-based numbers. */
export function masiDistance(a: CodeSet, b: CodeSet, options: { weights?: MasiWeights } = {}): number {
  const { sizeA, sizeB, intersection, union } = overlap(a, b);
  if (union === 0) return 0;
  const w = WEIGHTS[options.weights ?? 'nltk'];
  const m =
    intersection === sizeA && intersection === sizeB
      ? 1
      : intersection === Math.min(sizeA, sizeB)
        ? w.subset
        : intersection > 0
          ? w.overlap
          : 0;
  return 1 - (intersection / union) * m;
}

/** 0 if the two sets are equal, else 1: nominal agreement on the whole set of codes. */
export function binaryDistance(a: CodeSet, b: CodeSet): number {
  const { sizeA, sizeB, intersection } = overlap(a, b);
  return intersection === sizeA && intersection === sizeB ? 0 : 1;
}

function overlap(a: CodeSet, b: CodeSet) {
  const setA = new Set(a);
  const setB = new Set(b);
  let intersection = 0;
  for (const x of setA) if (setB.has(x)) intersection++;
  return { sizeA: setA.size, sizeB: setB.size, intersection, union: setA.size + setB.size - intersection };
}
