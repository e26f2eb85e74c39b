'use client';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { listWorkers } from '@/lib/jobs/monitor/list-workers';
import type { Api } from './types';

export type WorkerList = Api<typeof listWorkers>;
export type WorkerRow = WorkerList['workers'][number];

// GET /api/workers — heartbeats age by the second, so the list is polled every 2 s
export function useWorkers() {
  return useQuery({
    queryKey: queryKeys.workers.all(),
    queryFn: () => fetchJson<WorkerList>('/api/workers'),
    refetchInterval: 2000,
  });
}
