'use client';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Origin } from '@/lib/browse/origins';
import type { CorpusStats } from './types';

export function useStats(origin: Origin = 'originals') {
  return useQuery({
    queryKey: queryKeys.statsOf({ origin }),
    queryFn: () => fetchJson<CorpusStats>(`/api/stats?origin=${origin}`),
    // While thumbnails are still being computed, keep the overview live.
    refetchInterval: (q) => ((q.state.data?.pendingThumbnails ?? 0) > 0 ? 2000 : false),
  });
}
