'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { fetchJson, jsonBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { getStrategy, listStrategies } from '@/lib/kaggle/strategies';
import type { previewStrategy } from '@/lib/kaggle/preview';
import type { StrategyDefinition, strategyInput } from '@/lib/kaggle/strategy-schema';
import type { Api, Jsonified } from './types';

export type { Api, Jsonified };

// What the API sends: the lib functions' results after JSON (dates become strings), as in ./types.ts.

/** A saved strategy as listed; its definition is stored already parsed (defaults filled in). */
export type StrategySummary = Omit<Api<typeof listStrategies>[number], 'definition'> & { definition: StrategyDefinition };
export type StrategyDetail = Api<typeof getStrategy>;
export type StrategyPreview = Api<typeof previewStrategy>;
/** What POST and PUT /api/strategies accept. */
export type StrategyInput = z.input<typeof strategyInput>;
export type KernelSourceName = 'api' | 'meta-kaggle';

// GET /api/strategies
export function useStrategies() {
  return useQuery({
    queryKey: queryKeys.strategies.list(),
    queryFn: () => fetchJson<{ strategies: StrategySummary[] }>('/api/strategies'),
  });
}

// GET /api/strategies/:id
export function useStrategy(id: number) {
  return useQuery({
    queryKey: queryKeys.strategies.detail(id),
    queryFn: () => fetchJson<StrategyDetail>(`/api/strategies/${id}`),
  });
}

// POST /api/strategies (no id) or PUT /api/strategies/:id
export function useSaveStrategy(id?: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: StrategyInput) =>
      fetchJson<StrategyDetail>(id ? `/api/strategies/${id}` : '/api/strategies', jsonBody(id ? 'PUT' : 'POST', input)),
    onSuccess: async (saved) => {
      client.setQueryData(queryKeys.strategies.detail(saved.id), saved);
      await client.invalidateQueries({ queryKey: queryKeys.strategies.list() });
    },
  });
}

// POST /api/strategies/:id/duplicate
export function useDuplicateStrategy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<StrategyDetail>(`/api/strategies/${id}/duplicate`, jsonBody('POST')),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.strategies.all() }),
  });
}

// DELETE /api/strategies/:id
export function useDeleteStrategy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => fetchJson<{ deleted: true }>(`/api/strategies/${id}`, jsonBody('DELETE')),
    onSuccess: async (_r, id) => {
      client.removeQueries({ queryKey: queryKeys.strategies.detail(id) });
      await Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.strategies.list() }),
        client.invalidateQueries({ queryKey: queryKeys.collectionRuns.all() }),
      ]);
    },
  });
}

// POST /api/strategies/:id/preview — lists and samples without downloading; can take seconds.
export function usePreviewStrategy(id: number) {
  return useMutation({
    mutationFn: (source: KernelSourceName) => fetchJson<StrategyPreview>(`/api/strategies/${id}/preview`, jsonBody('POST', { source })),
  });
}
