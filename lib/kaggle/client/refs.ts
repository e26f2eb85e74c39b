/** "owner/slug" → its two parts; anything else is a caller bug worth a clear message. */
export function splitRef(ref: string, what = 'kernel'): { owner: string; slug: string } {
  const m = /^\s*([^/\s]+)\/([^/\s]+)\s*$/.exec(ref);
  if (!m) throw new Error(`not a Kaggle ${what} ref: ${JSON.stringify(ref)} (expected "owner/slug")`);
  return { owner: m[1], slug: m[2] };
}
