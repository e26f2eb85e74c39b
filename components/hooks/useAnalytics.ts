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

const SOURCES = ['corpus', 'run', 'sample'] as const;
const ORIGINS = ['originals', 'reproductions', 'both'] as const;
const oneOf = <T extends string>(list: readonly T[], v: string | null, fallback: T): T => (list.includes(v as T) ? (v as T) : fallback);

/** The analytics page's query as its URL keeps it (what analyticsQueryString writes, without format). */
export function analyticsQueryFromUrl(p: URLSearchParams): AnalyticsQuery {
  const rows = p.get('rows') || 'chart_type';
  const cols = p.has('cols') ? p.get('cols') || undefined : 'ml_stage';
  return {
    source: oneOf(SOURCES, p.get('source'), 'corpus'),
    id: Number(p.get('id')) || undefined,
    origin: oneOf(ORIGINS, p.get('origin'), 'originals'),
    rows,
    cols: cols === rows ? undefined : cols,
  };
}

// GET /api/analytics — one cross-tab (or one dimension's counts) with its χ² test
export function useAnalytics(q: AnalyticsQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['analytics', analyticsQueryString(q)],
    queryFn: () => fetchJson<{ population: string; table: Table }>(`/api/analytics?${analyticsQueryString(q)}`),
    enabled,
  });
}
