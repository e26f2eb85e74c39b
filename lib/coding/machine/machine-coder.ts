// The analysis engine as one more coder: its label for an item (chart type, ML stage) is compared with
// the value a human's codes stand for, through the study's code → label mapping. Pure: the statistics
// are lib/agreement's; this only pairs up values.
import { cohenKappa, krippendorffAlpha, percentAgreement, type Rating } from '../../agreement';

export type LabelField = 'chartType' | 'mlStage';
export const LABEL_FIELDS: LabelField[] = ['chartType', 'mlStage'];
export const MACHINE = 'machine';

/** What one human (a coder, or the consensus) said about an item: the code paths they applied. */
export interface HumanCoding {
  item: string;
  who: string; // a coder's name, or 'consensus'
  codePaths: string[];
}

export interface Comparison {
  against: string; // 'consensus' or the coder
  n: number; // items where both the machine and the human have a value for the field
  ambiguous: number; // items left out because the human's codes map to two values of the field
  kappa: number | null;
  alpha: number | null;
  percent: number | null;
  confusion: { machine: string; human: string; count: number }[];
}

export interface PerValue {
  value: string;
  precision: number | null; // of the items the machine gave this value, the share consensus agrees on
  recall: number | null; // of the items consensus gave this value, the share the machine found
  support: number; // consensus items with this value
}

export interface FieldFigures {
  field: LabelField;
  consensus: Comparison | null; // null: no item has a mapped consensus value
  coders: Comparison[];
  perValue: PerValue[];
}

/**
 * A human's value for `field` on an item: the mapped value of the codes they applied. No mapped code:
 * no value (the item is left out). Codes that map to two different values: ambiguous (left out, counted).
 */
export function humanValue(codePaths: string[], field: LabelField, mapping: Map<string, { field: LabelField; value: string }>): string | null | 'ambiguous' {
  const values = new Set(codePaths.map((p) => mapping.get(p)).filter((m) => m?.field === field).map((m) => m!.value));
  if (values.size === 0) return null;
  return values.size === 1 ? [...values][0] : 'ambiguous';
}

export function compare(
  field: LabelField,
  against: string,
  humans: HumanCoding[],
  machine: Map<string, Record<LabelField, string>>,
  mapping: Map<string, { field: LabelField; value: string }>,
): Comparison | null {
  const pairs: [string, string, string][] = []; // item, machine, human
  let ambiguous = 0;
  for (const h of humans) {
    const label = machine.get(h.item)?.[field];
    const value = humanValue(h.codePaths, field, mapping);
    if (label === undefined || value === null) continue;
    if (value === 'ambiguous') ambiguous++;
    else pairs.push([h.item, label, value]);
  }
  if (pairs.length === 0) return null;
  const ratings: Rating[] = pairs.flatMap(([item, m, h]) => [
    { item, coder: MACHINE, value: m },
    { item, coder: against, value: h },
  ]);
  const counts = new Map<string, number>();
  for (const [, m, h] of pairs) counts.set(JSON.stringify([m, h]), (counts.get(JSON.stringify([m, h])) ?? 0) + 1);
  return {
    against,
    n: pairs.length,
    ambiguous,
    kappa: cohenKappa(ratings).value,
    alpha: krippendorffAlpha(ratings, { level: 'nominal' }).value,
    percent: percentAgreement(ratings).value,
    confusion: [...counts].map(([k, count]) => {
      const [m, h] = JSON.parse(k) as [string, string];
      return { machine: m, human: h, count };
    }),
  };
}

/** Precision and recall of the machine per value, against consensus (from the confusion matrix). */
export function perValue(c: Comparison): PerValue[] {
  const values = [...new Set(c.confusion.flatMap((x) => [x.machine, x.human]))].sort();
  const sum = (f: (x: Comparison['confusion'][number]) => boolean) => c.confusion.filter(f).reduce((s, x) => s + x.count, 0);
  return values.map((value) => {
    const hit = sum((x) => x.machine === value && x.human === value);
    const predicted = sum((x) => x.machine === value);
    const actual = sum((x) => x.human === value);
    return { value, precision: predicted ? hit / predicted : null, recall: actual ? hit / actual : null, support: actual };
  });
}

/** The machine against consensus and against each coder, for every field some code maps to. */
export function machineFigures(
  humans: HumanCoding[],
  machine: Map<string, Record<LabelField, string>>,
  mapping: Map<string, { field: LabelField; value: string }>,
): FieldFigures[] {
  const fields = LABEL_FIELDS.filter((f) => [...mapping.values()].some((m) => m.field === f));
  const coders = [...new Set(humans.filter((h) => h.who !== 'consensus').map((h) => h.who))].sort();
  return fields.map((field) => {
    const consensus = compare(field, 'consensus', humans.filter((h) => h.who === 'consensus'), machine, mapping);
    return {
      field,
      consensus,
      coders: coders.map((c) => compare(field, c, humans.filter((h) => h.who === c), machine, mapping)).filter((x): x is Comparison => x !== null),
      perValue: consensus ? perValue(consensus) : [],
    };
  });
}
