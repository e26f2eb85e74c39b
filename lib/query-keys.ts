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
  // Kaggle collection: saved strategies, their runs, and the credentials' settings.
  strategies: {
    all: () => ['strategies'] as const,
    list: () => ['strategies', 'list'] as const,
    detail: (id: number) => ['strategies', 'detail', id] as const,
  },
  collectionRuns: {
    all: () => ['collectionRuns'] as const,
    list: (params: Record<string, unknown>) => ['collectionRuns', 'list', params] as const,
    detail: (id: number) => ['collectionRuns', 'detail', id] as const,
  },
  settings: {
    kaggle: () => ['settings', 'kaggle'] as const,
  },
  // Reproduction: the queue and its jobs (/runs), workers, and executions' results.
  runs: {
    all: () => ['runs'] as const,
    stats: () => ['runs', 'stats'] as const,
    jobs: (params: Record<string, unknown>) => ['runs', 'jobs', params] as const,
    job: (id: string) => ['runs', 'job', id] as const,
  },
  workers: {
    all: () => ['workers'] as const,
  },
  executions: {
    all: () => ['executions'] as const,
    summary: (params: Record<string, unknown>) => ['executions', 'summary', params] as const,
    detail: (id: number) => ['executions', 'detail', id] as const,
    ofNotebook: (id: number) => ['executions', 'notebook', id] as const,
    figureLinks: (id: number) => ['executions', 'figure-links', id] as const,
  },
};
