'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson, toQuery, jsonBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { getQueueStats } from '@/lib/jobs/monitor/queue-stats';
import type { listJobs } from '@/lib/jobs/monitor/list-jobs';
import type { getJob } from '@/lib/jobs/monitor/get-job';
import type { summariseReproducibility } from '@/lib/execute/summary/summarise-reproducibility';
import type { getExecution } from '@/lib/execute/summary/get-execution';
import type { listNotebookExecutions } from '@/lib/execute/summary/list-notebook-executions';
import type { listFigureCounterparts } from '@/lib/execute/summary/figure-counterparts';
import type { EnqueueResult, ReproduceTarget } from '@/lib/jobs/enqueue-reproductions';
import type { ExecutorKind } from '@/lib/db/schema';
import type { Preflight } from '@/lib/execute/preflight/preflight-notebooks';
import type { Api } from './types';

export type QueueStats = Api<typeof getQueueStats>;
export type JobPage = Api<typeof listJobs>;
export type JobRow = JobPage['items'][number];
export type JobDetail = Api<typeof getJob>;
export type Summary = Api<typeof summariseReproducibility>;
export type ExecutionDetail = Api<typeof getExecution>;
export type NotebookExecution = Api<typeof listNotebookExecutions>[number];
export type FigureLink = Api<typeof listFigureCounterparts>[number];
export type { ReproduceTarget, Preflight };
export type ReproduceRequest = ReproduceTarget & { executor?: ExecutorKind; skipBlocked?: boolean; runMissingDatasets?: boolean };

const LIVE_MS = 2000;
const isBusy = (s: QueueStats | undefined) => !!s && s.queues.some((q) => q.waiting + q.depth.active > 0);

// GET /api/jobs/stats — polled every 2 s while anything is waiting or running, every 10 s otherwise
export function useQueueStats() {
  return useQuery({
    queryKey: queryKeys.runs.stats(),
    queryFn: () => fetchJson<QueueStats>('/api/jobs/stats'),
    refetchInterval: (q) => (isBusy(q.state.data) ? LIVE_MS : 10_000),
  });
}

// GET /api/jobs?state=&page= — live while the queue is busy
export function useJobs(params: { state?: string; page?: number; notebook?: number; queue?: string; group?: string }, live: boolean) {
  return useQuery({
    queryKey: queryKeys.runs.jobs(params),
    queryFn: () => fetchJson<JobPage>(`/api/jobs${toQuery(params)}`),
    refetchInterval: live ? LIVE_MS : false,
    placeholderData: (prev) => prev,
  });
}

// GET /api/jobs/:id — the log tail; polled while the job runs
export function useJob(id: string | null) {
  return useQuery({
    queryKey: queryKeys.runs.job(id ?? ''),
    queryFn: () => fetchJson<JobDetail>(`/api/jobs/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data && ['active', 'created', 'retry'].includes(q.state.data.state) ? LIVE_MS : false),
  });
}

function useRunsMutation<V>(fn: (v: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.runs.all() }), client.invalidateQueries({ queryKey: queryKeys.workers.all() })]),
  });
}

// POST /api/jobs/:id/cancel
export const useCancelJob = () => useRunsMutation((id: string) => fetchJson(`/api/jobs/${id}/cancel`, jsonBody('POST')));
// POST /api/jobs/:id/retry
export const useRetryJob = () => useRunsMutation((id: string) => fetchJson(`/api/jobs/${id}/retry`, jsonBody('POST')));
// POST /api/jobs/pause {paused}
export const usePauseQueue = () => useRunsMutation((paused: boolean) => fetchJson(`/api/jobs/pause`, jsonBody('POST', { paused })));
// POST /api/reproductions — queue reproductions (the executor a live worker offers, unless chosen)
export function useReproduce() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: ReproduceRequest) => fetchJson<EnqueueResult>('/api/reproductions', jsonBody('POST', request)),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.runs.all() }),
  });
}

// POST /api/reproductions/preflight — what the notebooks lack (modules, datasets) before queuing; nothing is cached (images and datasets change)
export function usePreflight() {
  return useMutation({ mutationFn: (target: ReproduceTarget) => fetchJson<Preflight>('/api/reproductions/preflight', jsonBody('POST', target)) });
}

// GET /api/executions/summary — refreshed while the queue is busy
export function useSummary(live: boolean) {
  return useQuery({
    queryKey: queryKeys.executions.summary({}),
    queryFn: () => fetchJson<Summary>('/api/executions/summary'),
    refetchInterval: live ? 5000 : false,
  });
}

// GET /api/executions/:id
export function useExecution(id: number) {
  return useQuery({ queryKey: queryKeys.executions.detail(id), queryFn: () => fetchJson<ExecutionDetail>(`/api/executions/${id}`) });
}

// GET /api/jobs?notebook=:id — a notebook's jobs, polled while one waits or runs; when the last
// one finishes, its executions are fetched again.
export function useNotebookJobs(notebookId: number) {
  const client = useQueryClient();
  return useQuery({
    queryKey: queryKeys.runs.jobs({ notebook: notebookId }),
    queryFn: async () => {
      const page = await fetchJson<JobPage>(`/api/jobs?notebook=${notebookId}&state=all&pageSize=20`);
      const prev = client.getQueryData<JobPage>(queryKeys.runs.jobs({ notebook: notebookId }));
      if (prev && unfinished(prev) > unfinished(page)) void client.invalidateQueries({ queryKey: queryKeys.executions.ofNotebook(notebookId) });
      return page;
    },
    refetchInterval: (q) => (q.state.data && unfinished(q.state.data) > 0 ? LIVE_MS : false),
  });
}

const unfinished = (p: JobPage) => p.items.filter((j) => j.state === 'created' || j.state === 'retry' || j.state === 'active').length;

// GET /api/executions?notebook=:id — polled too while the notebook has a job waiting or running
// (`live`), so a finished result shows even if the job list misses the moment it ended.
export function useNotebookExecutions(notebookId: number, live = false) {
  return useQuery({
    queryKey: queryKeys.executions.ofNotebook(notebookId),
    queryFn: () => fetchJson<{ executions: NotebookExecution[] }>(`/api/executions?notebook=${notebookId}`),
    refetchInterval: live ? LIVE_MS : false,
  });
}

// GET /api/executions/figure-links?visualisation=:id
export function useFigureLinks(visualisationId: number) {
  return useQuery({
    queryKey: queryKeys.executions.figureLinks(visualisationId),
    queryFn: () => fetchJson<{ links: FigureLink[] }>(`/api/executions/figure-links?visualisation=${visualisationId}`),
  });
}

export const summaryCsvUrl = '/api/executions/summary?format=csv';
export const executionsCsvUrl = '/api/executions.csv';
