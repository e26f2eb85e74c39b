/**
 * Text escaped for XML 1.0; characters XML cannot carry at all are dropped. Line breaks stay readable
 * in element text, but are written as references in attributes (where parsers turn them into spaces).
 */
export function xmlEscape(value: string, inAttribute = false): string {
  const s = value
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
  return inAttribute ? s.replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : s;
}

/** `name="value"` pairs for the defined values, in the given order. */
export function attrs(values: Record<string, string | number | boolean | null | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v), true)}"`)
    .join('');
}
