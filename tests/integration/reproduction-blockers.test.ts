import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executions } from '../../lib/db/schema';
import { summariseReproducibility } from '../../lib/execute/summary/summarise-reproducibility';
import { summaryToCsv } from '../../lib/execute/summary/summary-csv';
import { parseCsvObjects } from '../../lib/csv/parse-csv';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { createTestStore, type TestStore } from '../helpers/db';
import { codeNotebook } from '../helpers/notebooks';

// "Blocked by catboost: 4 notebooks": missing modules (from ModuleNotFoundError) and missing data
// sources across the latest executions, with notebooks not run for missing data kept out of the shares.
describe('what blocked a reproduction run', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore();
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) ids.push((await importNotebook(store.db, { file: `b${i}.ipynb`, bytes: codeNotebook(`x = ${i}`), blobDir: store.blobDir })).notebookId!);
    const base = { executor: 'container' as const, configHash: 'c', seconds: 1, cellSeconds: {}, workerId: 'w', outOfOrder: false, skippedCounts: false, neverExecutedCells: 0, startedAt: new Date() };
    const missingModule = (i: number, name: string) => ({ ...base, jobId: `m${i}`, notebookId: ids[i], status: 'exception' as const, exceptionType: 'ModuleNotFoundError', exceptionMessage: `No module named '${name}'` });
    await store.db.insert(executions).values([
      missingModule(0, 'catboost'),
      missingModule(1, 'catboost'),
      missingModule(2, 'catboost.core'),
      missingModule(3, 'lightgbm'),
      { ...base, jobId: 'd1', notebookId: ids[4], status: 'missing_datasets', missingDatasets: ['reads /kaggle/input/titanic, not available (not a source of this kernel)'] },
      { ...base, jobId: 'd2', notebookId: ids[5], status: 'missing_datasets', missingDatasets: ['reads /kaggle/input/titanic, not available (…)', 'dataset nobody/gone: 404 not found'] },
      { ...base, jobId: 'ok', notebookId: ids[6], status: 'ok' },
      { ...base, jobId: 'cb', notebookId: ids[7], status: 'exception', exceptionType: 'ModuleNotFoundError', exceptionMessage: "No module named 'catboost'" },
    ]);
  });
  afterAll(() => store?.close());

  it('counts notebooks per missing module and data source, most first', async () => {
    const s = await summariseReproducibility(store.db);
    expect(s.blockers).toEqual([
      { kind: 'module', name: 'catboost', notebooks: 4 },
      { kind: 'dataset', name: '/kaggle/input/titanic', notebooks: 2 },
      { kind: 'dataset', name: 'dataset nobody/gone', notebooks: 1 },
      { kind: 'module', name: 'lightgbm', notebooks: 1 },
    ]);
    expect(s.n).toBe(8);
    expect(s.missingDatasets).toBe(2);
    expect(s.notebookOutcomes).toBe(6); // not run for missing data: out of the shares
    expect(s.shares.ok).toBeCloseTo(1 / 6, 10);
  });

  it('writes them to the summary CSV', async () => {
    const rows = parseCsvObjects(summaryToCsv(await summariseReproducibility(store.db)));
    expect(rows.find((r) => r.metric === 'blocked_by_module:catboost')).toEqual({ metric: 'blocked_by_module:catboost', value: '4', n: '8' });
    expect(rows.find((r) => r.metric === 'blocked_by_dataset:/kaggle/input/titanic')?.value).toBe('2');
    expect(rows.find((r) => r.metric === 'not_run_missing_datasets')?.value).toBe('2');
  });
});
