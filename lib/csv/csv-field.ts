// Spreadsheets run a cell that starts with = + - @ (or a tab or CR before them) as a formula. OWASP's
// advice for CSV injection: put a single quote before such a text field, and quote the field. Numbers
// stay numbers (-0.25 is data, not a formula); readers take the quote off again (restoreField).
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** One CSV field as RFC 4180 writes it (quoted when it holds a comma, quote or line break), formula-safe. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  const formula = typeof v !== 'number' && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s);
  if (formula) s = `'${s}`;
  return formula || /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The value csvField was given, from the field a CSV reader read: the formula guard's quote comes off. */
export function restoreField(s: string): string {
  return s.length > 1 && s[0] === "'" && FORMULA_START.test(s.slice(1)) && !PLAIN_NUMBER.test(s.slice(1)) ? s.slice(1) : s;
}
