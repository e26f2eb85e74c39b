'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { fetchJson, toQuery, jsonBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { getCodebook } from '@/lib/coding/codebook/get-codebook';
import type { getCodebookAt } from '@/lib/coding/codebook/get-codebook-at';
import type { listChanges } from '@/lib/coding/codebook/list-changes';
import type { CodebookDiff } from '@/lib/coding/codebook/compare-codebooks';
import type { ImportResult } from '@/lib/coding/codebook/import-codebook';
import type { MergeResult } from '@/lib/coding/codebook/merge-codes';
import type { SplitResult } from '@/lib/coding/codebook/split-code';
import type { createCodeBody, mergeCodesBody, moveCodeBody, splitCodeBody, updateCodeBody } from '@/lib/coding/codebook/schemas';
import type { SaturationPoint } from '@/lib/coding/saturation';
import type { CodeCoding } from '@/lib/coding/codebook/list-code-codings';
import type { CodeSnapshot } from '@/lib/coding/codebook/snapshot';
import type { Api, Jsonified } from './types';

export type CodebookToday = Api<typeof getCodebook>;
export type CodebookThen = Api<typeof getCodebookAt>;
export type CodebookCode = CodebookToday['codes'][number];
export type Changeset = Api<typeof listChanges>[number];
export type { CodebookDiff, CodeSnapshot, SaturationPoint, CodeCoding };

const base = (studyId: number) => `/api/studies/${studyId}/codebook`;

// GET /api/studies/:id/codebook (?at= for the codebook as it stood then)
export function useCodebook(studyId: number, at: string | null = null) {
  return useQuery({
    queryKey: queryKeys.codebook.detail(studyId, at),
    queryFn: () => fetchJson<CodebookToday | CodebookThen>(`${base(studyId)}${toQuery({ at })}`),
    placeholderData: keepPreviousData,
  });
}

// GET /api/studies/:id/codebook/history
export function useCodebookHistory(studyId: number) {
  return useQuery({
    queryKey: queryKeys.codebook.history(studyId),
    queryFn: () => fetchJson<{ changes: Changeset[] }>(`${base(studyId)}/history`),
  });
}

// GET /api/studies/:id/codebook/compare?at=
export function useCodebookCompare(studyId: number, at: string | null) {
  return useQuery({
    queryKey: queryKeys.codebook.compare(studyId, at ?? ''),
    queryFn: () => fetchJson<Jsonified<CodebookDiff> & { at: string }>(`${base(studyId)}/compare${toQuery({ at })}`),
    enabled: !!at,
  });
}

// GET /api/studies/:id/codebook/saturation?batch=
export function useSaturation(studyId: number, batch: number) {
  return useQuery({
    queryKey: queryKeys.codebook.saturation(studyId, batch),
    queryFn: () => fetchJson<{ batchSize: number; points: SaturationPoint[] }>(`${base(studyId)}/saturation${toQuery({ batch })}`),
    placeholderData: keepPreviousData,
  });
}

// GET /api/studies/:id/codebook/:codeId/codings (supervisors; for choosing which codings follow a split)
export function useCodeCodings(studyId: number, codeId: number, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.codebook.codings(studyId, codeId),
    queryFn: () => fetchJson<{ codings: CodeCoding[] }>(`${base(studyId)}/${codeId}/codings`),
    enabled,
  });
}

/** Every codebook change refreshes the codebook, its history and diffs (and the coding workspace's list). */
function useCodebookMutation<I, O>(studyId: number, fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.codebook.all(studyId) });
      await client.invalidateQueries({ queryKey: queryKeys.coding.all() });
    },
  });
}

// POST /api/studies/:id/codebook
export function useCreateCode(studyId: number) {
  return useCodebookMutation(studyId, (input: z.input<typeof createCodeBody>) => fetchJson<CodeSnapshot>(base(studyId), jsonBody('POST', input)));
}

// PATCH /api/studies/:id/codebook/:codeId
export function useUpdateCode(studyId: number) {
  return useCodebookMutation(studyId, ({ id, ...input }: z.input<typeof updateCodeBody> & { id: number }) => fetchJson<CodeSnapshot>(`${base(studyId)}/${id}`, jsonBody('PATCH', input)));
}

// DELETE /api/studies/:id/codebook/:codeId (deprecate)
export function useDeprecateCode(studyId: number) {
  return useCodebookMutation(studyId, ({ id, reason }: { id: number; reason: string }) => fetchJson<{ deprecated: CodeSnapshot[] }>(`${base(studyId)}/${id}`, jsonBody('DELETE', { reason })));
}

// POST /api/studies/:id/codebook/:codeId/move
export function useMoveCode(studyId: number) {
  return useCodebookMutation(studyId, ({ id, ...input }: z.input<typeof moveCodeBody> & { id: number }) => fetchJson<CodeSnapshot>(`${base(studyId)}/${id}/move`, jsonBody('POST', input)));
}

// POST /api/studies/:id/codebook/merge
export function useMergeCodes(studyId: number) {
  return useCodebookMutation(studyId, (input: z.input<typeof mergeCodesBody>) => fetchJson<Jsonified<MergeResult>>(`${base(studyId)}/merge`, jsonBody('POST', input)));
}

// POST /api/studies/:id/codebook/:codeId/split
export function useSplitCode(studyId: number) {
  return useCodebookMutation(studyId, ({ id, ...input }: z.input<typeof splitCodeBody> & { id: number }) => fetchJson<Jsonified<SplitResult>>(`${base(studyId)}/${id}/split`, jsonBody('POST', input)));
}

// POST /api/studies/:id/codebook/import (body: the file's text)
export function useImportCodebook(studyId: number) {
  return useCodebookMutation(studyId, ({ text, format, reason }: { text: string; format?: 'csv' | 'qdc'; reason?: string }) =>
    fetchJson<ImportResult>(`${base(studyId)}/import${toQuery({ format, reason })}`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: text }),
  );
}
