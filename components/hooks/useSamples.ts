'use client';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { fetchJson, jsonBody } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { listSamples } from '@/lib/coding/samples/list-samples';
import type { SamplePreview } from '@/lib/coding/samples/preview-sample';
import type { assignSample } from '@/lib/coding/samples/assign-sample';
import type { assignInput, createSampleInput, sampleDefinition } from '@/lib/coding/samples/schemas';
import type { Api, Jsonified } from './types';

export type SampleSummary = Api<typeof listSamples>[number];
export type SampleDefinitionInput = z.input<typeof sampleDefinition>;
export type CreateSampleBody = z.input<typeof createSampleInput>;
export type AssignBody = z.input<typeof assignInput>;


// GET /api/studies/:id/samples
export function useSamples(studyId: number) {
  return useQuery({
    queryKey: queryKeys.samples.list(studyId),
    queryFn: () => fetchJson<{ samples: SampleSummary[] }>(`/api/studies/${studyId}/samples`),
    // Coders work while the supervisor watches: progress refreshes on its own.
    refetchInterval: 15_000,
  });
}

// POST /api/studies/:id/samples/preview — live while the form changes; disabled while the definition is incomplete
export function useSamplePreview(studyId: number, def: SampleDefinitionInput | null) {
  return useQuery({
    queryKey: queryKeys.samples.preview(studyId, (def ?? {}) as Record<string, unknown>),
    queryFn: () => fetchJson<Jsonified<SamplePreview>>(`/api/studies/${studyId}/samples/preview`, jsonBody('POST', def)),
    enabled: def !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

// POST /api/studies/:id/samples
export function useCreateSample(studyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSampleBody) => fetchJson<{ id: number; itemCount: number }>(`/api/studies/${studyId}/samples`, jsonBody('POST', body)),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.samples.list(studyId) }),
  });
}

// POST /api/studies/:id/samples/:sampleId/assign
export function useAssignSample(studyId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ sampleId, ...body }: AssignBody & { sampleId: number }) =>
      fetchJson<Api<typeof assignSample>>(`/api/studies/${studyId}/samples/${sampleId}/assign`, jsonBody('POST', body)),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.samples.list(studyId) }), client.invalidateQueries({ queryKey: queryKeys.coding.all() })]),
  });
}
