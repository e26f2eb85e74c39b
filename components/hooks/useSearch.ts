'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { SearchHit, SearchKind } from '@/lib/search/schemas';

export type { SearchHit, SearchKind };

// GET /api/search
export function useSearch(params: { q: string; kind?: SearchKind; offset?: number }) {
  const query = new URLSearchParams({ q: params.q, ...(params.kind ? { kind: params.kind } : {}), offset: String(params.offset ?? 0) });
  return useQuery({
    queryKey: queryKeys.search({ ...params }),
    queryFn: () => fetchJson<{ hits: SearchHit[]; total: number }>(`/api/search?${query}`),
    enabled: params.q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}
