// Pearson's χ² test of independence for a contingency table, with Cramér's V and the expected counts,
// and the usual validity rule (Cochran: no expected count below 1, at most 20 % below 5) so a table too
// sparse for χ² says so instead of printing a p-value no one should publish.

export interface ChiSquare {
  chi2: number;
  df: number;
  p: number;
  cramersV: number;
  n: number;
  expected: number[][];
  /** Cells whose expected count is below 5, and whether Cochran's rule holds. */
  expectedBelow5: number;
  valid: boolean;
  reason: string | null;
}

/** `table[i][j]`: the count of row i and column j. Rows or columns that sum to 0 are left out (no information). */
export function chiSquare(table: number[][]): ChiSquare | null {
  const rows = table.filter((r) => sum(r) > 0);
  if (rows.length === 0) return null;
  const keepCol = rows[0].map((_, j) => rows.some((r) => r[j] > 0));
  const t = rows.map((r) => r.filter((_, j) => keepCol[j]));
  const R = t.length;
  const C = t[0].length;
  if (R < 2 || C < 2) return null;
  const rowSums = t.map(sum);
  const colSums = t[0].map((_, j) => sum(t.map((r) => r[j])));
  const n = sum(rowSums);
  const expected = rowSums.map((rs) => colSums.map((cs) => (rs * cs) / n));
  let chi2 = 0;
  for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) chi2 += (t[i][j] - expected[i][j]) ** 2 / expected[i][j];
  const df = (R - 1) * (C - 1);
  const flat = expected.flat();
  const expectedBelow5 = flat.filter((e) => e < 5).length;
  const below1 = flat.some((e) => e < 1);
  const valid = !below1 && expectedBelow5 <= 0.2 * flat.length;
  const reason = valid ? null : below1 ? 'an expected count is below 1' : `${expectedBelow5} of ${flat.length} expected counts are below 5 (more than 20 %)`;
  return { chi2, df, p: chiSquareSurvival(chi2, df), cramersV: Math.sqrt(chi2 / (n * Math.min(R - 1, C - 1))), n, expected, expectedBelow5, valid, reason };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** P(X ≥ x) for X ~ χ²(df): the regularised upper incomplete gamma Q(df/2, x/2). */
export function chiSquareSurvival(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammaQ(df / 2, x / 2);
}

// Numerical Recipes' series (x < a + 1) and Lentz continued fraction (otherwise): 1e-12 relative accuracy.
function gammaQ(a: number, x: number): number {
  if (x < a + 1) return 1 - gammaPSeries(a, x);
  let b = x + 1 - a;
  let c = 1 / 1e-300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-14) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

function gammaPSeries(a: number, x: number): number {
  let ap = a;
  let del = 1 / a;
  let total = del;
  for (let i = 0; i < 1000; i++) {
    ap += 1;
    del *= x / ap;
    total += del;
    if (Math.abs(del) < Math.abs(total) * 1e-14) break;
  }
  return total * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

// Lanczos approximation (g = 7, n = 9).
const LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  z -= 1;
  let x = LANCZOS[0];
  for (let i = 1; i < 9; i++) x += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x);
}
