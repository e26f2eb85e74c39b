'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson, jsonBody, toQuery } from '@/lib/api-client';
import type { listLabelMap, LabelMapBody } from '@/lib/coding/machine/label-map';
import type { machineAgreement } from '@/lib/coding/machine/machine-agreement';
import type { Api } from './types';
import type { Scope } from './useAgreement';

export type MachineAgreement = Api<typeof machineAgreement>;
export type LabelMap = Api<typeof listLabelMap>;

// Under the 'agreement' key: whatever changes agreement (consensus, codings) changes these too.
const keys = {
  figures: (scope: Scope | null) => ['agreement', 'machine', scope ?? {}] as const,
  map: (study: number) => ['agreement', 'label-map', study] as const,
};

// GET /api/studies/:id/machine-agreement?sample=
export function useMachineAgreement(scope: Scope | null) {
  return useQuery({
    queryKey: keys.figures(scope),
    queryFn: () => fetchJson<MachineAgreement>(`/api/studies/${scope!.study}/machine-agreement${toQuery(scope!.sample ? { sample: scope!.sample } : {})}`),
    enabled: scope !== null,
  });
}

// GET /api/studies/:id/label-map
export function useLabelMap(study: number) {
  return useQuery({ queryKey: keys.map(study), queryFn: () => fetchJson<LabelMap>(`/api/studies/${study}/label-map`) });
}

// PUT /api/studies/:id/label-map — one code's mapping
export function useSetLabelMapping(study: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LabelMapBody) => fetchJson(`/api/studies/${study}/label-map`, jsonBody('PUT', body)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['agreement'] }),
  });
}

// PATCH /api/studies/:id/label-map — the workspace suggestion setting
export function useSetSuggestions(study: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) => fetchJson(`/api/studies/${study}/label-map`, jsonBody('PATCH', { showMachineSuggestions: on })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['agreement'] }),
  });
}
