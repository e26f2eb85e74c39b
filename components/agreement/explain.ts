import type { Figures } from '@/lib/agreement/codings-report';

export type Coefficient = 'percentAgreement' | 'cohenKappa' | 'fleissKappa' | 'alpha';

/**
 * Why a coefficient is undefined (null) for these figures, in words a researcher can act on; null
 * when it is defined. Mirrors lib/agreement's reasons: fewer than two coders, no item coded by two,
 * κ needing exactly two coders, or no variation (chance agreement 1, so the coefficient is 0/0).
 */
export function whyUndefined(f: Figures, c: Coefficient): string | null {
  if (f[c] !== null) return null;
  if (f.coders < 2) return 'fewer than two coders have submitted items here';
  if (f.items === 0) return 'no item has been submitted by two coders yet';
  if (c === 'cohenKappa' && f.coders !== 2) return `Cohen's κ is for exactly two coders (here ${f.coders}); read Fleiss' κ or α`;
  return 'every coder gave the same answer on every item, so chance agreement is 1 and the coefficient is 0/0 (no variation)';
}

/** A coefficient for a table cell: 3 decimals, or an em dash when undefined. */
export function formatCoefficient(v: number | null, c: Coefficient): string {
  if (v === null) return '—';
  return c === 'percentAgreement' ? `${(v * 100).toFixed(1)} %` : v.toFixed(3);
}
