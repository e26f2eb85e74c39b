'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { SearchCount, SearchHit, SearchKind, SearchResult } from '@/lib/search/schemas';

export type { SearchCount, SearchHit, SearchKind, SearchResult };

const params = (p: { q: string; kind?: SearchKind; exact?: boolean }) => ({ q: p.q, ...(p.kind ? { kind: p.kind } : {}), ...(p.exact ? { exact: '1' } : {}) });

// GET /api/search
export function useSearch(p: { q: string; kind?: SearchKind; offset?: number; exact?: boolean }) {
  const query = new URLSearchParams({ ...params(p), offset: String(p.offset ?? 0) });
  return useQuery({
    queryKey: queryKeys.search({ ...p }),
    queryFn: () => fetchJson<SearchResult>(`/api/search?${query}`),
    enabled: p.q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

// GET /api/search/count — the exact number of matches, asked for only when the search's ranking stopped early
export function useSearchCount(p: { q: string; kind?: SearchKind }, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.search({ ...p, count: true }),
    queryFn: () => fetchJson<SearchCount>(`/api/search/count?${new URLSearchParams(params(p))}`),
    enabled: enabled && p.q.trim().length > 0,
    staleTime: 60_000,
  });
}
