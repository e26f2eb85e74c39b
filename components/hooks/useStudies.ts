'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { fetchJson, jsonBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { Member, StudyDetail as StudyDetailRow, StudySummary as StudySummaryRow, studyInput } from '@/lib/coding/studies/schemas';
import type { StudyRole } from '@/lib/db/schema/coding';
import type { Jsonified } from './types';

export type StudySummary = Jsonified<StudySummaryRow>;
export type StudyDetail = Jsonified<StudyDetailRow>;
export type StudyMember = Jsonified<Member>;
export type NewStudy = z.input<typeof studyInput>;

// GET /api/studies
export function useStudies() {
  return useQuery({ queryKey: queryKeys.studies.list(), queryFn: () => fetchJson<StudySummary[]>('/api/studies') });
}

// GET /api/studies/:id
export function useStudy(id: number) {
  return useQuery({ queryKey: queryKeys.studies.detail(id), queryFn: () => fetchJson<StudyDetail>(`/api/studies/${id}`) });
}

// POST /api/studies
export function useCreateStudy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewStudy) => fetchJson<StudySummary>('/api/studies', jsonBody('POST', input)),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.studies.all() }),
  });
}

// POST /api/studies/:id/members — add a member or change their role
export function useSetMember(studyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: string; role: StudyRole }) => fetchJson<StudyMember[]>(`/api/studies/${studyId}/members`, jsonBody('POST', input)),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.studies.all() }),
  });
}

// DELETE /api/studies/:id/members?userId=
export function useRemoveMember(studyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => fetchJson<StudyMember[]>(`/api/studies/${studyId}/members?userId=${encodeURIComponent(userId)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.studies.all() }),
  });
}

// PATCH /api/studies/:id — the study's settings (open coding)
export function useSetOpenCoding(studyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (openCoding: boolean) => fetchJson<{ id: number; openCoding: boolean }>(`/api/studies/${studyId}`, jsonBody('PATCH', { openCoding })),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.studies.all() }),
  });
}
