// The gallery's facets as they appear in URLs; the detail page keeps them to move through the same set.
export const FACETS = ['notebook', 'competition', 'medal', 'mime', 'library', 'kind', 'context', 'group'] as const;
// Filters that are not facets: full-text search over each figure's code cell and markdown context.
export const TEXT_FILTERS = ['q', 'qKind'] as const;
// Everything a gallery URL carries: the origin switch (originals when absent), the facets, the text search.
const URL_KEYS = ['origin', ...FACETS, ...TEXT_FILTERS] as const;

export function filtersFrom(params: URLSearchParams): Record<string, string | undefined> {
  return Object.fromEntries(URL_KEYS.map((f) => [f, params.get(f) ?? undefined]));
}

export function filterQuery(filters: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const f of URL_KEYS) if (filters[f]) q.set(f, filters[f]!);
  const s = q.toString();
  return s ? `?${s}` : '';
}
