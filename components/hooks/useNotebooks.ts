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

export function useNotebook(id: number) {
  return useQuery({
    queryKey: queryKeys.notebooks.detail(id),
    queryFn: () => fetchJson<NotebookDetail>(`/api/notebooks/${id}`),
  });
}
