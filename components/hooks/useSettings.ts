'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson, jsonBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { kaggleCredentialsStatus } from '@/lib/settings/kaggle-credentials';
import { type Api } from './useStrategies';

/** Whether Kaggle credentials are set and where from; the key or token itself is never sent. */
export type KaggleSettings = Api<typeof kaggleCredentialsStatus>;
export type KaggleCredentialsInput = { token: string } | { username: string; key: string };

// GET /api/settings/kaggle
export function useKaggleSettings() {
  return useQuery({
    queryKey: queryKeys.settings.kaggle(),
    queryFn: () => fetchJson<KaggleSettings>('/api/settings/kaggle'),
  });
}

// PUT /api/settings/kaggle
export function useSaveKaggleSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: KaggleCredentialsInput) => fetchJson<unknown>('/api/settings/kaggle', jsonBody('PUT', input)),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.settings.kaggle() }),
  });
}

// DELETE /api/settings/kaggle
export function useRemoveKaggleSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson<unknown>('/api/settings/kaggle', jsonBody('DELETE')),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.settings.kaggle() }),
  });
}
