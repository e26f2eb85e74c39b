// Bennett, Alpert & Goldstein's S for exactly two coders.
//
// Source: Bennett, E. M., Alpert, R., & Goldstein, A. C. (1954). Communications through
// limited response questioning. Public Opinion Quarterly 18(3), 303-308; Artstein & Poesio
// (2008), sec. 2.4: S = (p_o - 1/q) / (1 - 1/q), chance agreement being uniform over the
// q available categories.
//
// q matters and the data cannot know it: a category nobody used is still "available". By
// default q is the number of distinct values either coder used anywhere in the input
// (including items the other coder skipped), as NLTK's AnnotationTask.S() does; pass
// `categories` (the codebook, or its size) when the codebook is larger.
import { AgreementInputError, type Rating, type UndefinedReason } from './types';
import { chanceCorrected, pairedRatings } from './two-coders';

export type BennettSOptions = { categories?: number | readonly string[] };

export type BennettSResult = {
  value: number | null;
  po: number | null;
  /** 1 / q. */
  pe: number;
  /** q, the number of categories chance is spread over. */
  categories: number;
  items: number;
  coders: [string, string];
  reason?: UndefinedReason;
};

export function bennettS(ratings: readonly Rating[], options: BennettSOptions = {}): BennettSResult {
  const { coders, pairs, categories: used } = pairedRatings(ratings, "Bennett's S");
  const q = categoryCount(used, options.categories);
  const pe = 1 / q;
  const n = pairs.length;
  if (n === 0) return { value: null, po: null, pe, categories: q, items: 0, coders, reason: 'no-pairable-items' };

  const po = pairs.filter(([a, b]) => a === b).length / n;
  const value = chanceCorrected(po, pe);
  const result = { value, po, pe, categories: q, items: n, coders };
  return value === null ? { ...result, reason: 'no-variation' } : result;
}

function categoryCount(used: Set<string>, given: BennettSOptions['categories']): number {
  if (given === undefined) return Math.max(used.size, 1);
  if (typeof given === 'number') {
    if (!Number.isInteger(given) || given < 1) {
      throw new AgreementInputError(`categories must be a positive integer; got ${given}`);
    }
    if (given < used.size) {
      throw new AgreementInputError(`categories is ${given} but the coders used ${used.size} distinct values`);
    }
    return given;
  }
  const codebook = new Set(given);
  const unknown = [...used].filter((v) => !codebook.has(v));
  if (unknown.length) {
    throw new AgreementInputError(`values not in the given categories: ${unknown.map((v) => `"${v}"`).join(', ')}`);
  }
  return Math.max(codebook.size, 1);
}
