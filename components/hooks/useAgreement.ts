'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson, jsonBody, toQuery } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { computeAgreement } from '@/lib/coding/agreement/compute-agreement';
import type { listDisagreements } from '@/lib/coding/agreement/list-disagreements';
import type { getItemComparison } from '@/lib/coding/agreement/get-item-comparison';
import type { ConsensusInput } from '@/lib/coding/consensus/record-consensus';
import type { Api } from './types';

export type AgreementPage = Api<typeof computeAgreement>;
export type DisagreementRow = Api<typeof listDisagreements>[number];
export type ItemComparison = Api<typeof getItemComparison>;
export type Scope = { study: number; sample?: number };

// GET /api/agreement?study=&sample=
export function useAgreement(scope: Scope | null) {
  return useQuery({
    queryKey: queryKeys.agreement.report(scope ?? {}),
    queryFn: () => fetchJson<AgreementPage>(`/api/agreement${toQuery(scope!)}`),
    enabled: scope !== null,
  });
}

// GET /api/agreement/disagreements?study=&sample=
export function useDisagreements(scope: Scope | null) {
  return useQuery({
    queryKey: queryKeys.agreement.disagreements(scope ?? {}),
    queryFn: () => fetchJson<{ disagreements: DisagreementRow[] }>(`/api/agreement/disagreements${toQuery(scope!)}`),
    enabled: scope !== null,
  });
}

// GET /api/agreement/items/:sampleItemId
export function useAgreementItem(sampleItemId: number) {
  return useQuery({
    queryKey: queryKeys.agreement.item(sampleItemId),
    queryFn: () => fetchJson<ItemComparison>(`/api/agreement/items/${sampleItemId}`),
    retry: false,
  });
}

// PUT /api/agreement/items/:sampleItemId/consensus — replaces the item's consensus; lists and funnel change with it
export function useRecordConsensus(sampleItemId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (codings: ConsensusInput[]) =>
      fetchJson<{ consensus: unknown[] }>(`/api/agreement/items/${sampleItemId}/consensus`, jsonBody('PUT', { codings })),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: queryKeys.agreement.all() }), client.invalidateQueries({ queryKey: queryKeys.progress.all() })]),
  });
}
