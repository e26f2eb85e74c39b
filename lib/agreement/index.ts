// Inter-rater agreement coefficients for qualitative coding. Conventions: see README.md.
export type { Rating, SetRating, UndefinedReason } from './types';
export { AgreementInputError } from './types';
export { percentAgreement, type PercentAgreementResult } from './percent-agreement';
export { cohenKappa, type CohenKappaResult } from './cohen-kappa';
export { scottsPi, type ScottsPiResult } from './scotts-pi';
export { bennettS, type BennettSOptions, type BennettSResult } from './bennett-s';
export {
  fleissKappa,
  fleissKappaFromCounts,
  type FleissKappaOptions,
  type FleissKappaResult,
  type FleissCountsResult,
} from './fleiss-kappa';
export {
  krippendorffAlpha,
  type AlphaLevel,
  type KrippendorffAlphaOptions,
  type KrippendorffAlphaResult,
} from './krippendorff-alpha';
export { krippendorffAlphaSets, type SetDistance, type SetAlphaOptions, type SetAlphaResult } from './set-alpha';
export { masiDistance, jaccardDistance, binaryDistance, type CodeSet, type MasiWeights } from './distances';
