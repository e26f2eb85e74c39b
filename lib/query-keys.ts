// One place for TanStack Query keys: [area, kind, params]. Invalidate by prefix, e.g. ['notebooks'].
export const queryKeys = {
  stats: () => ['stats'] as const,
  search: (params: Record<string, unknown>) => ['search', params] as const,
  statsOf: (params: Record<string, unknown>) => ['stats', params] as const,
  notebooks: {
    all: () => ['notebooks'] as const,
    list: (params: Record<string, unknown>) => ['notebooks', 'list', params] as const,
    detail: (id: number) => ['notebooks', 'detail', id] as const,
    head: (id: number) => ['notebooks', 'detail', id, 'head'] as const,
  },
  visualisations: {
    all: () => ['visualisations'] as const,
    list: (params: Record<string, unknown>) => ['visualisations', 'list', params] as const,
    facets: (params: Record<string, unknown>) => ['visualisations', 'facets', params] as const,
    facetLists: (params: Record<string, unknown>) => ['visualisations', 'facet-lists', params] as const,
    facetGroups: (params: Record<string, unknown>) => ['visualisations', 'facet-groups', params] as const,
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
  // Coding: a study's samples (and their previews), my queue, one assignment's work item.
  samples: {
    list: (studyId: number) => ['samples', 'list', studyId] as const,
    preview: (studyId: number, params: Record<string, unknown>) => ['samples', 'preview', studyId, params] as const,
  },
  coding: {
    all: () => ['coding'] as const,
    queue: (params: Record<string, unknown>) => ['coding', 'queue', params] as const,
    item: (assignmentId: number) => ['coding', 'item', assignmentId] as const,
  },
  // Accounts and studies: the signed-in user, all users (admins), studies and their members.
  session: () => ['session'] as const,
  users: {
    all: () => ['users'] as const,
  },
  studies: {
    all: () => ['studies'] as const,
    list: () => ['studies', 'list'] as const,
    detail: (id: number) => ['studies', 'detail', id] as const,
  },
  // Agreement and the supervisor dashboard: figures per study/sample, disagreements, one item under review.
  agreement: {
    all: () => ['agreement'] as const,
    report: (params: Record<string, unknown>) => ['agreement', 'report', params] as const,
    disagreements: (params: Record<string, unknown>) => ['agreement', 'disagreements', params] as const,
    item: (sampleItemId: number) => ['agreement', 'item', sampleItemId] as const,
  },
  progress: {
    all: () => ['progress'] as const,
    study: (studyId: number) => ['progress', studyId] as const,
  },
  // The codebook of a study: today or as of a time, its history, a diff with today, saturation.
  codebook: {
    all: (studyId: number) => ['codebook', studyId] as const,
    detail: (studyId: number, at: string | null) => ['codebook', studyId, 'detail', at] as const,
    history: (studyId: number) => ['codebook', studyId, 'history'] as const,
    compare: (studyId: number, at: string) => ['codebook', studyId, 'compare', at] as const,
    saturation: (studyId: number, batch: number) => ['codebook', studyId, 'saturation', batch] as const,
    codings: (studyId: number, codeId: number) => ['codebook', studyId, 'codings', codeId] as const,
  },
};
