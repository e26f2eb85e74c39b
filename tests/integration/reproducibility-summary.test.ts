import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executions, figureMatches, visualisations, type Execution } from '../../lib/db/schema';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { summariseReproducibility } from '../../lib/execute/summary/summarise-reproducibility';
import { summaryToCsv } from '../../lib/execute/summary/summary-csv';
import { exportExecutionsCsv } from '../../lib/execute/summary/export-executions-csv';
import { getExecution } from '../../lib/execute/summary/get-execution';
import { listNotebookExecutions } from '../../lib/execute/summary/list-notebook-executions';
import { listFigureCounterparts } from '../../lib/execute/summary/figure-counterparts';
import { parseCsv, parseCsvObjects } from '../../lib/csv/parse-csv';
import { createTestStore, type TestStore } from '../helpers/db';

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const notebook = (title: string) =>
  Buffer.from(
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'python3', language: 'python' } },
      cells: [
        { cell_type: 'markdown', metadata: {}, source: `# ${title}` },
        { cell_type: 'code', metadata: {}, execution_count: 1, source: 'plt.plot(x)', outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/png': PNG } }] },
      ],
    }),
  );

let seq = 0;
const t0 = Date.parse('2026-01-01T00:00:00Z');
function row(notebookId: number, p: Partial<Execution>): typeof executions.$inferInsert {
  seq++;
  return {
    jobId: `job-${seq}`,
    notebookId,
    executor: 'host',
    configHash: 'cfg1',
    status: 'ok',
    seconds: 10,
    cellSeconds: {},
    workerId: 'w1',
    outOfOrder: false,
    skippedCounts: false,
    neverExecutedCells: 0,
    startedAt: new Date(t0 + seq * 60_000),
    finishedAt: new Date(t0 + seq * 60_000 + 30_000),
    ...p,
  };
}

describe('the reproducibility summary', () => {
  let store: TestStore;
  const nb: number[] = [];

  beforeAll(async () => {
    store = await createTestStore();
    for (let i = 0; i < 10; i++) {
      const r = await importNotebook(store.db, { file: `nb${i}.ipynb`, bytes: notebook(`Notebook ${i}`), blobDir: store.blobDir });
      nb.push(r.notebookId!);
    }
    // Superseded runs: nb0 failed first, then succeeded (only the latter counts).
    await store.db.insert(executions).values(row(nb[0], { status: 'exception', exceptionType: 'ModuleNotFoundError', seconds: 999 }));
    await store.db.insert(executions).values([
      row(nb[0], { status: 'ok', seconds: 4, figuresSame: 3, figuresDifferent: 1, figuresBefore: 4, figuresAfter: 4, outOfOrder: true }),
      row(nb[1], { status: 'ok', seconds: 6, figuresSame: 1, figuresNew: 2, figuresBefore: 1, figuresAfter: 3 }),
      row(nb[2], { status: 'exception', exceptionType: 'ModuleNotFoundError', seconds: 2, figuresMissing: 2, figuresBefore: 2, skippedCounts: true }),
      row(nb[3], { status: 'exception', exceptionType: 'ModuleNotFoundError', seconds: 3, outOfOrder: true, neverExecutedCells: 2 }),
      row(nb[4], { status: 'exception', exceptionType: 'FileNotFoundError', seconds: 8 }),
      row(nb[5], { status: 'exception', exceptionType: 'NameError', seconds: 12, figuresSame: 1, figuresDifferent: 3 }),
      row(nb[6], { status: 'timeout', seconds: 600 }),
      row(nb[7], { status: 'killed', seconds: 30 }),
      // Ours, not the notebook's: counted apart, out of the shares, its figures ignored.
      row(nb[8], { status: 'infrastructure', seconds: 0, figuresSame: 50, outOfOrder: true }),
      // The same notebook under another configuration is another experiment: it counts.
      row(nb[1], { status: 'exception', exceptionType: 'FileNotFoundError', configHash: 'cfg2', seconds: 5 }),
    ]);
  });
  afterAll(() => store?.close());

  it('counts the latest execution per notebook and configuration, with infrastructure errors apart', async () => {
    const s = await summariseReproducibility(store.db);
    expect(s.n).toBe(10);
    expect(s.notebookOutcomes).toBe(9);
    expect(s.counts).toEqual({ ok: 2, exception: 5, timeout: 1, killed: 1, infrastructure: 1 });
    expect(s.shares.ok).toBeCloseTo(2 / 9, 10);
    expect(s.shares.exception).toBeCloseTo(5 / 9, 10);
    expect(s.shares.timeout).toBeCloseTo(1 / 9, 10);
    expect(s.shares.killed).toBeCloseTo(1 / 9, 10);
    expect(s.topExceptions).toEqual([
      { type: 'FileNotFoundError', count: 2 },
      { type: 'ModuleNotFoundError', count: 2 },
      { type: 'NameError', count: 1 },
    ]);
    // same ÷ (same + different) = (3 + 1 + 1) ÷ (5 + 4)
    expect(s.figures).toEqual({ pairs: 9, same: 5, different: 4, new: 2, missing: 2, sameRate: 5 / 9 });
    expect(s.staticFlags).toMatchObject({ outOfOrder: 3, skippedCounts: 1, neverExecuted: 1 });
    expect(s.staticFlags.outOfOrderShare).toBeCloseTo(0.3, 10);
    expect(s.staticFlags.neverExecutedShare).toBeCloseTo(0.1, 10);
    // Seconds of the 9 notebook outcomes: 2 3 4 5 6 8 12 30 600 → median 6.
    expect(s.medianSeconds).toBe(6);

    const one = await summariseReproducibility(store.db, { configHash: 'cfg2' });
    expect(one.n).toBe(1);
    expect(one.counts.exception).toBe(1);
  });

  it('exports the summary as metric,value,n CSV', async () => {
    const csv = summaryToCsv(await summariseReproducibility(store.db));
    const rows = parseCsvObjects(csv);
    const get = (m: string) => rows.find((r) => r.metric === m);
    expect(parseCsv(csv)[0]).toEqual(['metric', 'value', 'n']);
    expect(get('share_ok')).toEqual({ metric: 'share_ok', value: String(Number((2 / 9).toFixed(6))), n: '9' });
    expect(get('infrastructure_errors')).toEqual({ metric: 'infrastructure_errors', value: '1', n: '10' });
    expect(get('exception:ModuleNotFoundError')).toEqual({ metric: 'exception:ModuleNotFoundError', value: '2', n: '5' });
    expect(get('same_figure_rate')).toEqual({ metric: 'same_figure_rate', value: String(Number((5 / 9).toFixed(6))), n: '9' });
    expect(get('median_seconds')?.value).toBe('6');
  });

  it('exports every execution, marking the latest per notebook and configuration', async () => {
    const rows = parseCsvObjects(await exportExecutionsCsv(store.db));
    expect(rows).toHaveLength(11);
    expect(rows.filter((r) => r.latest === 'true')).toHaveLength(10);
    const superseded = rows.find((r) => r.latest === 'false')!;
    expect(superseded).toMatchObject({ notebook_id: String(nb[0]), status: 'exception', exception_type: 'ModuleNotFoundError', notebook_title: 'nb0', notebook_ref: 'nb0.ipynb' }); // titled by file name (no Kaggle title)
    expect(superseded.started_at).toMatch(/^2026-01-01T00:01:00.000Z$/);
  });

  it('returns one execution with per-cell durations and its figure pairs', async () => {
    const [orig] = await store.db.select().from(visualisations).limit(1);
    const [e] = await store.db.insert(executions).values(row(nb[9], { status: 'ok', cellSeconds: { '1': 0.5, '0': 0.01 }, figuresSame: 1, log: 'all fine' })).returning();
    await store.db.insert(figureMatches).values([
      { executionId: e.id, cellPosition: 1, originalVisualisationId: orig.id, reproducedVisualisationId: orig.id, outcome: 'same', distance: 0 },
      { executionId: e.id, cellPosition: 1, originalVisualisationId: orig.id, reproducedVisualisationId: null, outcome: 'missing', distance: null },
    ]);
    const got = await getExecution(store.db, e.id);
    expect(got.cellSeconds).toEqual([{ position: 0, seconds: 0.01 }, { position: 1, seconds: 0.5 }]);
    expect(got.notebookTitle).toBe('nb9'); // the file name: its heading is not preferred to it
    expect(got.hasLog).toBe(true);
    expect(got.pairs.map((p) => [p.outcome, p.original?.id ?? null, p.reproduced?.id ?? null])).toEqual([
      ['same', orig.id, orig.id],
      ['missing', orig.id, null],
    ]);
    expect(got.pairs[0].original?.blobSha256).toMatch(/^[0-9a-f]{64}$/);
    await expect(getExecution(store.db, 999_999)).rejects.toThrow(/No execution/);

    expect((await listNotebookExecutions(store.db, nb[9])).map((x) => x.id)).toEqual([e.id]);
    expect((await listNotebookExecutions(store.db, nb[0])).map((x) => x.status)).toEqual(['ok', 'exception']);
    const links = await listFigureCounterparts(store.db, orig.id);
    expect(links).toHaveLength(2);
  });
});
