import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executions, kaggleKernels, notebookAnalyses, visualisationLabels } from '../../lib/db/schema';
import { crossTab } from '../../lib/analytics/cross-tab';
import { toTable } from '../../lib/analytics/table';
import { createTestStore, type TestStore } from '../helpers/db';
import { signedInHeaders } from '../helpers/api-auth';
import { importFigures } from './coding-fixtures';

// Labels, Kaggle metadata, analyses and executions written straight to the tables (the analysis job
// is tested by its owner); the test counts and tests the same figures by hand and compares.
const CHARTS = ['bar', 'bar', 'line', 'heatmap', 'bar', 'line', 'line', 'bar', 'heatmap', 'heatmap', 'bar', 'line'];
const STAGES = ['data_exploration', 'data_exploration', 'training_monitoring', 'model_evaluation', 'data_exploration', 'training_monitoring', 'training_monitoring', 'model_evaluation', 'model_evaluation', 'model_evaluation', 'data_exploration', 'data_exploration'];

describe('analytics cross-tabs', () => {
  let store: TestStore;
  let auth: Headers;
  let figures: Array<{ id: number; nb: number }>;
  let nbs: number[];

  beforeAll(async () => {
    store = await createTestStore();
    process.env.DATABASE_URL = store.url;
    auth = (await signedInHeaders(store, { role: 'coder' })).headers;
    nbs = await importFigures(store, [4, 3, 5]);
    const rows = await store.db.execute<{ id: number; notebook_id: number }>(sql`select id, notebook_id from visualisations order by id`);
    figures = rows.map((r) => ({ id: Number(r.id), nb: Number(r.notebook_id) }));
    expect(figures).toHaveLength(12);
    await store.db.insert(visualisationLabels).values(figures.map((f, i) => ({
      visualisationId: f.id, notebookId: f.nb, analyserVersion: 't', chartType: CHARTS[i], library: i % 3 === 0 ? 'seaborn' : 'matplotlib',
      mlStage: STAGES[i], multiPanel: false, confidence: {}, evidence: [], slice: { cells: [], lines: [], code: '' },
    })));
    await store.db.insert(kaggleKernels).values([
      { notebookId: nbs[0], ref: 'a/x', competitions: ['titanic'], lastRunTime: new Date('2019-05-01'), storedForm: 'source', source: 'api' },
      { notebookId: nbs[1], ref: 'b/y', competitions: ['titanic', 'house-prices'], lastRunTime: new Date('2021-02-01'), storedForm: 'source', source: 'api' },
    ]);
    await store.db.insert(notebookAnalyses).values([
      { notebookId: nbs[0], analyserVersion: 't', status: 'analysed', testingProperties: ['fairness'] },
      { notebookId: nbs[2], analyserVersion: 't', status: 'analysed', testingProperties: ['fairness', 'drift'] },
    ]);
    const run = (notebookId: number, status: 'ok' | 'exception' | 'timeout', n: number) => ({
      jobId: `job-${n}`, notebookId, executor: 'host' as const, configHash: 'h', status, seconds: 1, cellSeconds: {}, workerId: 'w',
      outOfOrder: false, skippedCounts: false, neverExecutedCells: 0, startedAt: new Date(), finishedAt: new Date(Date.UTC(2026, 0, n)),
    });
    await store.db.insert(executions).values([run(nbs[0], 'exception', 1), run(nbs[0], 'ok', 2), run(nbs[2], 'timeout', 3)]);
  });
  afterAll(async () => {
    const { closeAllDatabases } = await import('../../lib/db/client');
    await closeAllDatabases();
    await store?.close();
  });

  it('counts chart type × stage and tests independence as a hand computation does', async () => {
    const t = toTable(await crossTab(store.db, { source: 'corpus', origin: 'originals' }, 'chart_type', 'ml_stage'));
    // By hand: count pairs, then expected = row total × column total / n, χ² = Σ (o − e)² / e.
    const rows = [...new Set(CHARTS)].sort();
    const cols = [...new Set(STAGES)].sort();
    const obs = rows.map((r) => cols.map((c) => CHARTS.filter((x, i) => x === r && STAGES[i] === c).length));
    expect(t.rows).toEqual(rows);
    expect(t.cols).toEqual(cols);
    expect(t.counts).toEqual(obs);
    const n = 12;
    const rs = obs.map((r) => r.reduce((a, b) => a + b, 0));
    const cs = cols.map((_, j) => obs.reduce((a, r) => a + r[j], 0));
    let chi2 = 0;
    for (let i = 0; i < rows.length; i++) for (let j = 0; j < cols.length; j++) {
      const e = (rs[i] * cs[j]) / n;
      expect(t.test!.expected[i][j]).toBeCloseTo(e, 10);
      chi2 += (obs[i][j] - e) ** 2 / e;
    }
    expect(t.test!.chi2).toBeCloseTo(chi2, 10);
    expect(t.test!.df).toBe((rows.length - 1) * (cols.length - 1));
    expect(t.test!.cramersV).toBeCloseTo(Math.sqrt(chi2 / (n * (Math.min(rows.length, cols.length) - 1))), 10);
    expect(t.test!.valid).toBe(false); // 12 figures in 9 cells: every expected count is below 5
  });

  it('unnests competitions and testing properties, and takes the latest execution per original', async () => {
    const per = (nb: number) => figures.filter((f) => f.nb === nb).length; // 4, 3, 5
    const comp = toTable(await crossTab(store.db, { source: 'corpus', origin: 'originals' }, 'competition', 'reproduction'));
    const cell = (t: typeof comp, r: string, c: string) => t.counts[t.rows.indexOf(r)]?.[t.cols.indexOf(c)] ?? 0;
    expect(comp.rows).toEqual(['house-prices', 'none', 'titanic']);
    expect(comp.cols).toEqual(['not reproduced', 'ok', 'timeout']);
    expect(cell(comp, 'titanic', 'ok')).toBe(per(nbs[0]));
    expect(cell(comp, 'titanic', 'not reproduced')).toBe(per(nbs[1]));
    expect(cell(comp, 'house-prices', 'not reproduced')).toBe(per(nbs[1]));
    expect(cell(comp, 'none', 'timeout')).toBe(per(nbs[2]));
    expect(comp.total).toBe(per(nbs[0]) + 2 * per(nbs[1]) + per(nbs[2]));

    const testing = toTable(await crossTab(store.db, { source: 'corpus', origin: 'originals' }, 'testing', 'competition'));
    expect(cell(testing, 'fairness', 'titanic')).toBe(per(nbs[0]));
    expect(cell(testing, 'fairness', 'none')).toBe(per(nbs[2]));
    expect(cell(testing, 'drift', 'none')).toBe(per(nbs[2]));
    expect(cell(testing, 'none', 'house-prices')).toBe(per(nbs[1]));

    const years = toTable(await crossTab(store.db, { source: 'corpus', origin: 'originals' }, 'year'));
    const thisYear = String(new Date().getUTCFullYear());
    expect(Object.fromEntries(years.rows.map((r, i) => [r, years.counts[i][0]]))).toEqual({ '2019': per(nbs[0]), '2021': per(nbs[1]), [thisYear]: per(nbs[2]) });
  });

  it('the evaluation view keeps only the chosen stages; reproductions are a population of their own', async () => {
    const t = toTable(await crossTab(store.db, { source: 'corpus', origin: 'originals', stages: ['model_evaluation'] }, 'chart_type', 'library'));
    expect(t.total).toBe(STAGES.filter((s) => s === 'model_evaluation').length);
    expect(toTable(await crossTab(store.db, { source: 'corpus', origin: 'reproductions' }, 'chart_type')).total).toBe(0);
  });

  it('GET /api/analytics?format=csv has the population, date and χ² as header comments, then the table', async () => {
    const { GET } = await import('../../app/api/analytics/route');
    const res = await GET(new Request('http://localhost/api/analytics?rows=chart_type&cols=ml_stage&format=csv', { headers: auth }), {});
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('chart_type-by-ml_stage.csv');
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('# population: labelled visualisations of originals in the whole corpus');
    expect(lines[1]).toMatch(/^# generated: \d{4}-\d\d-\d\dT/);
    const chiLine = lines.find((l) => l.startsWith('# chi2: '))!;
    expect(chiLine).toMatch(/chi2=\d+\.\d{4}, df=4, p=.*NOT VALID/);
    const header = lines.find((l) => !l.startsWith('#'))!;
    expect(header).toBe('Chart type,data_exploration,model_evaluation,training_monitoring,total');
    expect(lines).toContain(`bar,4,1,0,5`);
    expect(lines.at(-1)).toBe('total,5,4,3,12');

    const bad = await GET(new Request('http://localhost/api/analytics?source=run', { headers: auth }), {});
    expect(bad.status).toBe(400);
    const anon = await GET(new Request('http://localhost/api/analytics'), {});
    expect(anon.status).toBe(401);
  });
});
