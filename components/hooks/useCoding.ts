'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson, toQuery, jsonBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { getQueue } from '@/lib/coding/queue/get-queue';
import type { getWorkItem } from '@/lib/coding/queue/get-work-item';
import type { saveWork } from '@/lib/coding/queue/save-work';
import type { setAssignmentStatus, StatusAction } from '@/lib/coding/queue/set-status';
import type { createInlineCode } from '@/lib/coding/queue/create-inline-code';
import type { SaveWorkInput } from '@/lib/coding/queue/schemas';
import type { Api } from './types';

export type Queue = Api<typeof getQueue>;
export type WorkItem = Api<typeof getWorkItem>;
export type SavedWork = Api<typeof saveWork>;
export type WorkCode = WorkItem['codes'][number];
export type { SaveWorkInput, StatusAction };


// GET /api/coding/queue
export function useQueue(studyId?: number) {
  return useQuery({
    queryKey: queryKeys.coding.queue({ studyId }),
    queryFn: () => fetchJson<Queue>(`/api/coding/queue${toQuery({ studyId })}`),
  });
}

// GET /api/coding/assignments/:id — the page copies it into its own editable state once, so it must
// never start from a stale copy: nothing is cached after leaving an item (gcTime 0), and it is not
// refetched on focus while the page holds edits over it.
export function useWorkItem(assignmentId: number) {
  return useQuery({
    queryKey: queryKeys.coding.item(assignmentId),
    queryFn: () => fetchJson<WorkItem>(`/api/coding/assignments/${assignmentId}`),
    refetchOnWindowFocus: false,
    gcTime: 0,
    retry: (n, e) => n < 2 && !/no assignment|not found/i.test(String(e)),
  });
}

// PUT /api/coding/assignments/:id — autosave
export function useSaveWork(assignmentId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveWorkInput) => fetchJson<SavedWork>(`/api/coding/assignments/${assignmentId}`, jsonBody('PUT', input)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['coding', 'queue'] }),
  });
}

// POST /api/coding/assignments/:id/submit|skip|reopen
export function useSetStatus(assignmentId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: StatusAction) => fetchJson<Api<typeof setAssignmentStatus>>(`/api/coding/assignments/${assignmentId}/${action}`, jsonBody('POST')),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['coding', 'queue'] }), client.invalidateQueries({ queryKey: queryKeys.coding.item(assignmentId) })]),
  });
}

// POST /api/coding/assignments/:id/codes — open coding
export function useCreateInlineCode(assignmentId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => fetchJson<Api<typeof createInlineCode>>(`/api/coding/assignments/${assignmentId}/codes`, jsonBody('POST', input)),
    // The open item gains the code at once (its unsaved edits stay); other cached items refetch.
    onSuccess: (code) => {
      client.setQueryData<WorkItem>(queryKeys.coding.item(assignmentId), (old) => (old ? { ...old, codes: [...old.codes, code] } : old));
      return client.invalidateQueries({ queryKey: ['coding', 'item'], predicate: (q) => q.queryKey[2] !== assignmentId });
    },
  });
}
