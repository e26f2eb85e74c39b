'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson, toQuery, jsonBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { getRunDetail } from '@/lib/kaggle/runs/run-detail';
import type { listRuns } from '@/lib/kaggle/runs/run-state';
import { type Api, type KernelSourceName } from './useStrategies';

export type RunSummary = Api<typeof listRuns>[number];
export type RunDetail = Api<typeof getRunDetail>;
export type RunItem = RunDetail['items'][number];
export type RunStatus = RunSummary['status'];

export const isActive = (status: RunStatus | undefined) => status === 'queued' || status === 'running';

// GET /api/collection-runs?strategy=:id — newest first; polled while one of them is under way.
export function useCollectionRuns(params: { strategy?: number }) {
  return useQuery({
    queryKey: queryKeys.collectionRuns.list(params),
    queryFn: () => fetchJson<{ runs: RunSummary[] }>(`/api/collection-runs${toQuery(params)}`),
    refetchInterval: (q) => (q.state.data?.runs.some((r) => isActive(r.status)) ? 2000 : false),
  });
}

// GET /api/collection-runs/:id — polled every second until the run has finished.
export function useCollectionRun(id: number) {
  return useQuery({
    queryKey: queryKeys.collectionRuns.detail(id),
    queryFn: () => fetchJson<RunDetail>(`/api/collection-runs/${id}`),
    refetchInterval: (q) => (q.state.error || (q.state.data && !isActive(q.state.data.status)) ? false : 1000),
    staleTime: 0,
  });
}

// POST /api/strategies/:id/runs — queues a run; the app's background worker executes it.
export function useStartRun(strategyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (source: KernelSourceName) => fetchJson<RunSummary>(`/api/strategies/${strategyId}/runs`, jsonBody('POST', { source })),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.collectionRuns.all() }),
        client.invalidateQueries({ queryKey: queryKeys.strategies.list() }),
      ]),
  });
}

// POST /api/collection-runs/:id/cancel
export function useCancelRun(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson<RunSummary>(`/api/collection-runs/${id}/cancel`, jsonBody('POST')),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.collectionRuns.all() }),
  });
}

/** Where a run's sample is downloaded as CSV. */
export const sampleCsvUrl = (id: number) => `/api/collection-runs/${id}/sample.csv`;
