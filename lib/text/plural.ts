/** The noun for a count: `singular` for exactly one, else the plural ("files" for 0 and 2). */
export function noun(n: number, singular: string, pluralForm = `${singular}s`): string {
  return n === 1 ? singular : pluralForm;
}

/** "1 file", "2 files", "0 files": a count with its noun, in the plural when it is not one. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n.toLocaleString('en')} ${noun(n, singular, pluralForm)}`;
}
