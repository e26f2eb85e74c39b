'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson, toQuery } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { NotebookDetail, NotebookPage } from './types';

export function useNotebooks(params: { q?: string; sort?: string; dir?: string; page?: number }) {
  return useQuery({
    queryKey: queryKeys.notebooks.list(params),
    queryFn: () => fetchJson<NotebookPage>(`/api/notebooks${toQuery(params)}`),
    placeholderData: keepPreviousData,
  });
}

// `enabled: false` holds the request (the notebook page sends it once the first cells are shown).
export function useNotebook(id: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.notebooks.detail(id),
    queryFn: () => fetchJson<NotebookDetail>(`/api/notebooks/${id}`),
    enabled,
  });
}

/** How many cells the first, quick request of a notebook page carries. */
export const HEAD_CELLS = 200;

// GET /api/notebooks/:id?cells=200 — the first cells only, so a long notebook's first screen shows at once
export function useNotebookHead(id: number) {
  return useQuery({
    queryKey: queryKeys.notebooks.head(id),
    queryFn: () => fetchJson<NotebookDetail>(`/api/notebooks/${id}?cells=${HEAD_CELLS}`),
  });
}
