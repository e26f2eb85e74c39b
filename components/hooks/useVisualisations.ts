'use client';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { fetchJson, toQuery } from '@/lib/api-client';
import { queryKeys } from '@/lib/query-keys';
import type { FacetGroups, FacetLists, Facets, GalleryPage, VisualisationDetail } from './types';

export type GalleryParams = Record<string, string | string[] | undefined>;

export function useGallery(filters: GalleryParams) {
  return useInfiniteQuery({
    queryKey: queryKeys.visualisations.list(filters),
    queryFn: ({ pageParam }) => fetchJson<GalleryPage>(`/api/visualisations${toQuery({ ...filters, cursor: pageParam })}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/**
 * The gallery's facet counts: the low-cardinality facets (counted from the gallery cube, fast), the
 * notebook, competition and medal lists (live counts, slower) in a second request and the near-duplicate
 * groups (the slowest) in a third; their values join `data` as they arrive.
 */
export function useFacets(filters: GalleryParams, opts: { groups?: boolean } = {}) {
  const counts = useQuery({
    queryKey: queryKeys.visualisations.facets(filters),
    queryFn: () => fetchJson<Facets>(`/api/visualisations/facets${toQuery(filters)}`),
    placeholderData: keepPreviousData,
  });
  const lists = useQuery({
    queryKey: queryKeys.visualisations.facetLists(filters),
    queryFn: () => fetchJson<FacetLists>(`/api/visualisations/facets/lists${toQuery(filters)}`),
    placeholderData: keepPreviousData,
  });
  const groups = useQuery({
    queryKey: queryKeys.visualisations.facetGroups(filters),
    queryFn: () => fetchJson<FacetGroups>(`/api/visualisations/facets/groups${toQuery(filters)}`),
    placeholderData: keepPreviousData,
    // A page that offers no near-duplicate filter does not ask for the slowest list.
    enabled: opts.groups ?? true,
  });
  return {
    ...counts,
    data: counts.data ? ({ ...counts.data, ...lists.data, ...groups.data } as Facets) : undefined,
    listsPending: lists.isPending,
    listsError: lists.error,
    groupsPending: groups.isPending && groups.fetchStatus !== 'idle',
    groupsError: groups.error,
  };
}

export function useVisualisation(id: number, filters: GalleryParams) {
  return useQuery({
    queryKey: queryKeys.visualisations.detail(id, filters),
    queryFn: () => fetchJson<VisualisationDetail>(`/api/visualisations/${id}${toQuery(filters)}`),
    placeholderData: keepPreviousData,
  });
}
