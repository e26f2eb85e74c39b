// The gallery's facets as they appear in URLs; the detail page keeps them to move through the same set.
export const FACETS = ['notebook', 'competition', 'medal', 'chartType', 'stage', 'library', 'multiPanel', 'mime', 'kind', 'context', 'group'] as const;
// Facets that take several values (ORed), each a repeated key in the URL: `?chartType=bar&chartType=line`.
export const MULTI_FACETS: readonly string[] = ['chartType', 'stage', 'library', 'multiPanel'];
// Filters that are not facets: full-text search over each figure's code cell and markdown context.
export const TEXT_FILTERS = ['q', 'qKind'] as const;
// Everything a gallery URL carries: the origin switch (originals when absent), the facets, the text search.
const URL_KEYS = ['origin', ...FACETS, ...TEXT_FILTERS] as const;

export type FilterValue = string | string[] | undefined;
export type Filters = Record<string, FilterValue>;

export function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(
    URL_KEYS.map((f) => {
      if (!MULTI_FACETS.includes(f)) return [f, params.get(f) ?? undefined];
      const all = params.getAll(f);
      return [f, all.length ? all : undefined];
    }),
  );
}

export function filterQuery(filters: Filters): string {
  const q = new URLSearchParams();
  for (const f of URL_KEYS) {
    const v = filters[f];
    if (Array.isArray(v)) v.forEach((x) => q.append(f, x));
    else if (v) q.set(f, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The filters with `value` switched on or off in `facet` (several values for a multi facet, one otherwise). */
export function toggled(filters: Filters, facet: string, value: string): Filters {
  const current = filters[facet];
  if (!MULTI_FACETS.includes(facet)) return { ...filters, [facet]: current === value ? undefined : value };
  const list = Array.isArray(current) ? current : current ? [current] : [];
  const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  return { ...filters, [facet]: next.length ? next : undefined };
}

export function isSelected(filters: Filters, facet: string, value: string): boolean {
  const v = filters[facet];
  return Array.isArray(v) ? v.includes(value) : v === value;
}
