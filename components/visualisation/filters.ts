// The gallery's facets as they appear in URLs; the detail page keeps them to move through the same set.
export const FACETS = ['notebook', 'competition', 'medal', 'mime', 'library', 'kind', 'context', 'group'] as const;

// Filters that are not facets: full-text search over each figure's code cell and markdown context.
export const TEXT_FILTERS = ['q', 'qKind'] as const;

export function filtersFrom(params: URLSearchParams): Record<string, string | undefined> {
  return Object.fromEntries([...FACETS, ...TEXT_FILTERS].map((f) => [f, params.get(f) ?? undefined]));
}

export function filterQuery(filters: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const f of [...FACETS, ...TEXT_FILTERS]) if (filters[f]) q.set(f, filters[f]!);
  const s = q.toString();
  return s ? `?${s}` : '';
}
