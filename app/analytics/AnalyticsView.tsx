'use client';
import { useRouter, useSearchParams } from 'next/navigation';
import { DIMENSIONS, DIMENSION_LABELS, type Dimension } from '@/lib/analytics/dimensions';
import { analyticsQueryFromUrl, analyticsQueryString, useAnalytics, type AnalyticsQuery } from '@/components/hooks/useAnalytics';
import { PopulationPicker } from '@/components/analytics/PopulationPicker';
import { CrossTabPanel } from '@/components/analytics/CrossTabPanel';
import { ChiSquarePanel } from '@/components/analytics/ChiSquarePanel';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/States';

// "How is ML tested here?": the figures drawn while evaluating, explaining or checking the fairness of a model.
const TESTING_STAGES = ['model_evaluation', 'explainability', 'fairness'];

type View = 'crosstab' | 'testing';

/** The page's URL: the population, the dimensions (`cols=` empty for none), the tab and the chosen study. */
function pageUrl(q: AnalyticsQuery, view: View, study: number | null): string {
  const p = new URLSearchParams({ source: q.source, origin: q.origin, rows: q.rows, cols: q.cols ?? '' });
  if (q.id) p.set('id', String(q.id));
  if (study) p.set('study', String(study));
  if (view === 'testing') p.set('view', view);
  return `/analytics?${p}`;
}

export function AnalyticsView() {
  // Everything chosen lives in the URL, so a table can be linked to, reloaded and gone back to.
  const params = useSearchParams();
  const router = useRouter();
  const q = analyticsQueryFromUrl(params);
  const view: View = params.get('view') === 'testing' ? 'testing' : 'crosstab';
  const study = Number(params.get('study')) || null;
  const set = (p: Partial<AnalyticsQuery>) => router.replace(pageUrl({ ...q, ...p }, view, study));
  const setView = (v: View) => router.replace(pageUrl(q, v, study));
  const setStudy = (s: number | null) => router.replace(pageUrl({ ...q, id: undefined }, view, s));
  const effective: AnalyticsQuery = view === 'testing' ? { ...q, rows: 'chart_type', cols: 'library', stages: TESTING_STAGES } : q;
  const ready = effective.source === 'corpus' || !!effective.id;
  const { data, error } = useAnalytics(effective, ready);
  const label = (d?: string) => (d ? DIMENSION_LABELS[d as Dimension] : '');
  const title = effective.cols ? `${label(effective.rows)} × ${label(effective.cols)}` : label(effective.rows);

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Analytics</h1>
          <p className="sub">Counts of labelled visualisations. The year is the Kaggle kernel&apos;s last run, or the import date where there is no Kaggle metadata.</p>
        </div>
        <div role="tablist" style={{ display: 'flex', gap: 6 }}>
          <button role="tab" className="btn" aria-selected={view === 'crosstab'} onClick={() => setView('crosstab')}>Cross-tabs</button>
          <button role="tab" className="btn" aria-selected={view === 'testing'} onClick={() => setView('testing')}>How is ML tested here?</button>
        </div>
      </div>
      <PopulationPicker q={q} set={set} study={study} setStudy={setStudy} />
      {view === 'crosstab' ? (
        <div style={{ display: 'flex', gap: 12, margin: '12px 0', alignItems: 'end' }}>
          <label>
            Rows{' '}
            <select aria-label="Rows" value={q.rows} onChange={(e) => set({ rows: e.target.value, cols: q.cols === e.target.value ? undefined : q.cols })}>
              {DIMENSIONS.map((d) => <option key={d} value={d}>{DIMENSION_LABELS[d]}</option>)}
            </select>
          </label>
          <label>
            Columns{' '}
            <select aria-label="Columns" value={q.cols ?? ''} onChange={(e) => set({ cols: e.target.value || undefined })}>
              <option value="">— none (bars of one dimension)</option>
              {DIMENSIONS.filter((d) => d !== q.rows).map((d) => <option key={d} value={d}>{DIMENSION_LABELS[d]}</option>)}
            </select>
          </label>
        </div>
      ) : (
        <p className="sub" style={{ margin: '12px 0' }}>Figures whose ML stage is model evaluation, explainability or fairness, by chart type and library.</p>
      )}
      {!ready ? (
        <p className="sub">Choose the {effective.source === 'run' ? 'strategy run' : 'study and sample'} to count.</p>
      ) : error ? (
        <ErrorState error={error} />
      ) : !data ? (
        <Skeleton height={260} />
      ) : data.table.total === 0 ? (
        <EmptyState title="No labelled visualisations here yet" action={{ href: '/import', label: 'Import notebooks' }}>
          The table counts {data.population}, and there are none yet. Analysis runs in the background after import: import notebooks (or wait for the analysis jobs on the monitoring page to finish), then come back.
        </EmptyState>
      ) : (
        <>
          <p className="sub" data-testid="population">
            Population: {data.population}.{' '}
            <a className="btn" href={`/api/analytics?${analyticsQueryString(effective, 'csv')}`} download>
              Download CSV
            </a>
          </p>
          <div className="grid-2">
            <CrossTabPanel table={data.table} rows={label(effective.rows)} cols={effective.cols ? label(effective.cols) : undefined} title={title} />
            {effective.cols && <ChiSquarePanel table={data.table} />}
          </div>
        </>
      )}
    </>
  );
}
