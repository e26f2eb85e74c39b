import { cohenKappa } from './cohen-kappa';
import { fleissKappa } from './fleiss-kappa';
import { krippendorffAlpha } from './krippendorff-alpha';
import { percentAgreement } from './percent-agreement';
import { krippendorffAlphaSets } from './set-alpha';
import type { Rating, SetRating } from './types';

/** One coding: a coder applied a code (null: looked at the item and applied none) to an item. */
export interface Coding {
  item: string;
  coder: string;
  code: string | null;
}

export interface Figures {
  items: number; // items coded by at least two coders
  coders: number;
  percentAgreement: number | null;
  cohenKappa: number | null; // only with exactly two coders
  fleissKappa: number | null; // over items coded by the usual number of coders
  alpha: number | null; // Krippendorff: MASI over code sets overall, nominal per code
}

export interface AgreementReport {
  overall: Figures;
  perCode: (Figures & { code: string })[];
}

/**
 * The agreement page's figures from codings: overall, an item's codes are a set (α with MASI
 * distance; %, κ on identical sets), and per code, whether each coder applied that code to the item
 * (present / absent, among the items that coder coded). Undefined coefficients are null.
 */
export function agreementReport(codings: Coding[]): AgreementReport {
  const sets = new Map<string, { item: string; coder: string; codes: Set<string> }>();
  for (const c of codings) {
    const key = JSON.stringify([c.item, c.coder]);
    if (!sets.has(key)) sets.set(key, { item: c.item, coder: c.coder, codes: new Set() });
    if (c.code) sets.get(key)!.codes.add(c.code);
  }
  const units = [...sets.values()];
  const setRatings: SetRating[] = units.map((u) => ({ item: u.item, coder: u.coder, values: [...u.codes] }));
  const asLabel: Rating[] = units.map((u) => ({ item: u.item, coder: u.coder, value: [...u.codes].sort().join(' | ') }));
  const overall = figures(asLabel, () => krippendorffAlphaSets(setRatings, { distance: 'masi' }).value);

  const codes = [...new Set(codings.map((c) => c.code).filter((c): c is string => Boolean(c)))].sort();
  const perCode = codes.map((code) => {
    const present: Rating[] = units.map((u) => ({ item: u.item, coder: u.coder, value: u.codes.has(code) ? 'yes' : 'no' }));
    return { code, ...figures(present, () => krippendorffAlpha(present, { level: 'nominal' }).value) };
  });
  return { overall, perCode };
}

function figures(ratings: Rating[], alpha: () => number | null): Figures {
  const coders = new Set(ratings.map((r) => r.coder)).size;
  if (coders < 2) return { items: 0, coders, percentAgreement: null, cohenKappa: null, fleissKappa: null, alpha: null };
  const pa = percentAgreement(ratings);
  return {
    items: pa.items,
    coders,
    percentAgreement: pa.value,
    cohenKappa: coders === 2 ? cohenKappa(ratings).value : null,
    fleissKappa: fleissKappa(ratings).value,
    alpha: alpha(),
  };
}
