// One place for TanStack Query keys: [area, kind, params]. Invalidate by prefix, e.g. ['notebooks'].
export const queryKeys = {
  stats: () => ['stats'] as const,
  notebooks: {
    all: () => ['notebooks'] as const,
    list: (params: Record<string, unknown>) => ['notebooks', 'list', params] as const,
    detail: (id: number) => ['notebooks', 'detail', id] as const,
  },
  visualisations: {
    all: () => ['visualisations'] as const,
    list: (params: Record<string, unknown>) => ['visualisations', 'list', params] as const,
    facets: (params: Record<string, unknown>) => ['visualisations', 'facets', params] as const,
    detail: (id: number, params: Record<string, unknown>) => ['visualisations', 'detail', id, params] as const,
  },
  imports: {
    failures: () => ['imports', 'failures'] as const,
  },
};
