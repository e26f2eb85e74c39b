'use client';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { getProgress } from '@/lib/coding/progress/get-progress';
import type { Api } from './types';

export type Progress = Api<typeof getProgress>;

// GET /api/progress?study= — live: coders keep submitting while a supervisor watches, so poll every 5 s
export function useProgress(studyId: number | null) {
  return useQuery({
    queryKey: queryKeys.progress.study(studyId ?? 0),
    queryFn: () => fetchJson<Progress>(`/api/progress?study=${studyId}`),
    enabled: studyId !== null,
    refetchInterval: 5_000,
  });
}
