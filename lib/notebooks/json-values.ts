// Small helpers for poking at untrusted JSON values without trusting their types.

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The JSON type name of a value, for messages like `got number`. */
export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/**
 * Joins nbformat's "multiline string" (a string, or an array of strings that each keep their
 * own newline) into one string; returns undefined when the value is neither, so the caller can
 * report it with its own location.
 */
export function joinText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (!Array.isArray(v)) return undefined;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return undefined;
  return v.length === 1 ? (v[0] as string) : v.join('');
}

/** A non-empty string field, or null. */
export function stringOrNull(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** application/json and the vendor `+json` types are structured data, never split into lines. */
export function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || mime.endsWith('+json');
}

/** A value quoted for an error message, cut short so a huge bogus value cannot flood it. */
export function showValue(v: unknown, max = 40): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/** Why a value is not nbformat's multiline string, e.g. `got number` or `got array with a number at index 2`. */
export function whyNotText(v: unknown): string {
  if (!Array.isArray(v)) return `got ${jsonType(v)}`;
  const i = v.findIndex((s) => typeof s !== 'string');
  return `got array with ${article(jsonType(v[i]))} at index ${i}`;
}

/** "an array", "a number", "null". */
export function article(type: string): string {
  if (type === 'null') return type;
  return (/^[aeiou]/.test(type) ? 'an ' : 'a ') + type;
}
