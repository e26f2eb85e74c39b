// Groups flat (item, coder, value) rows into units, the shape every coefficient needs.
import { AgreementInputError } from './types';

export type Units<V> = {
  /** item -> coder -> non-missing value, in first-appearance order. */
  units: Map<string, Map<string, V>>;
  /** Coders with at least one non-missing value, in first-appearance order. A coder whose
   * every rating is missing contributes nothing to any coefficient, so is not counted. */
  coders: string[];
};

type Row = { item: string; coder: string };

export function collectUnits<R extends Row, V>(
  rows: readonly R[],
  valueOf: (row: R) => V | null | undefined,
): Units<V> {
  const units = new Map<string, Map<string, V>>();
  const coders = new Set<string>();
  for (const row of rows) {
    const value = valueOf(row);
    if (value === null || value === undefined) continue;
    let unit = units.get(row.item);
    if (!unit) units.set(row.item, (unit = new Map()));
    // Two values from one coder for one item would silently count as two coders agreeing
    // (or not) with each other, so refuse rather than guess which one is meant.
    if (unit.has(row.coder)) {
      throw new AgreementInputError(
        `coder "${row.coder}" rated item "${row.item}" more than once; give one rating per item and coder`,
      );
    }
    unit.set(row.coder, value);
    coders.add(row.coder);
  }
  return { units, coders: [...coders] };
}

export function requireCoders(coders: readonly string[], what: string): void {
  if (coders.length < 2) {
    throw new AgreementInputError(
      `${what} needs ratings from at least two coders; got ${coders.length}` +
        (coders.length === 1 ? ` ("${coders[0]}")` : ''),
    );
  }
}

/** Value lists of the units with at least two values: only these carry information about
 * agreement (Krippendorff 2011, "pairable" units). */
export function pairableUnits<V>(units: Map<string, Map<string, V>>): V[][] {
  const out: V[][] = [];
  for (const unit of units.values()) if (unit.size >= 2) out.push([...unit.values()]);
  return out;
}

export function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
