'use client';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api-client';
import type { Table } from '@/lib/analytics/table';

export interface AnalyticsQuery {
  source: 'corpus' | 'run' | 'sample';
  id?: number;
  origin: 'originals' | 'reproductions' | 'both';
  rows: string;
  cols?: string;
  stages?: string[];
}

/** The query string of GET /api/analytics (the CSV link uses the same one with format=csv). */
export function analyticsQueryString(q: AnalyticsQuery, format: 'json' | 'csv' = 'json'): string {
  const p = new URLSearchParams({ source: q.source, origin: q.origin, rows: q.rows, format });
  if (q.id) p.set('id', String(q.id));
  if (q.cols) p.set('cols', q.cols);
  if (q.stages?.length) p.set('stages', q.stages.join(','));
  return p.toString();
}

// GET /api/analytics — one cross-tab (or one dimension's counts) with its χ² test
export function useAnalytics(q: AnalyticsQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['analytics', analyticsQueryString(q)],
    queryFn: () => fetchJson<{ population: string; table: Table }>(`/api/analytics?${analyticsQueryString(q)}`),
    enabled,
  });
}
