import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executorConfigSchema } from '../../lib/execute/config';
import { createHostExecutor } from '../../lib/execute/host-executor';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { createTestStore, type TestStore } from '../helpers/db';

// Debian's Python with python3-nbclient, ipykernel and matplotlib (installed by .ci/run).
const PYTHON = '/usr/bin/python3';
const hasNbclient = spawnSync(PYTHON, ['-c', 'import nbclient, ipykernel, matplotlib'], { stdio: 'ignore' }).status === 0;
if (!hasNbclient && process.env.CI) throw new Error('Python with nbclient is missing: apt-get install python3-nbclient python3-ipykernel python3-matplotlib');
if (!hasNbclient) console.warn('\n⚠️  SKIPPING host executor tests: apt-get install python3-nbclient python3-ipykernel python3-matplotlib\n');

const host = createHostExecutor();
const executeOnHost = (nb: Uint8Array, t: { cellTimeoutS: number; totalTimeoutS: number }) =>
  host.run({ notebook: nb, config: executorConfigSchema.parse({ executor: 'host', ...t }) });

const notebook = (...sources: string[]) =>
  Buffer.from(
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: 'python3', language: 'python', display_name: 'Python 3' } },
      cells: sources.map((source) => ({ cell_type: 'code', metadata: {}, execution_count: null, source, outputs: [] })),
    }),
  );

describe.skipIf(!hasNbclient)('the host executor (nbclient on this machine)', () => {
  let store: TestStore;
  beforeAll(async () => (store = await createTestStore()));
  afterAll(() => store?.close());

  it('runs a plotting notebook; its figures are extracted from the executed notebook', async () => {
    const result = await executeOnHost(
      notebook('import matplotlib.pyplot as plt', 'plt.plot([1, 3, 2]); plt.title("reproduced"); plt.show()', 'print(6 * 7)'),
      { cellTimeoutS: 60, totalTimeoutS: 120 },
    );
    expect(result.status, result.log).toBe('ok');
    expect(Object.keys(result.cellSeconds)).toHaveLength(3);
    const imported = await importNotebook(store.db, { file: 'executed.ipynb', bytes: result.executed!, blobDir: store.blobDir });
    expect(imported.status).toBe('imported');
    expect(imported.visualisations).toEqual({ total: 1, byMime: { 'image/png': 1 } });
  });

  it('records the exception type and the first failing cell, and runs the cells after it', async () => {
    const result = await executeOnHost(notebook('x = 1', 'import pandas_that_does_not_exist', 'y = undefined_name', 'print("still ran")'), { cellTimeoutS: 60, totalTimeoutS: 120 });
    expect(result.status).toBe('exception');
    expect(result.failing).toMatchObject({ cell: 1, ename: 'ModuleNotFoundError' });
    expect(Buffer.from(result.executed!).toString()).toContain('still ran');
  });

  it('stops a cell that never ends, and a run that exceeds its total time', async () => {
    const cell = await executeOnHost(notebook('while True: pass'), { cellTimeoutS: 3, totalTimeoutS: 60 });
    expect(cell.status).toBe('timeout');
    expect(cell.failing).toMatchObject({ cell: 0, ename: 'CellTimeoutError' });
    const total = await executeOnHost(notebook('import time', 'time.sleep(60)'), { cellTimeoutS: 120, totalTimeoutS: 4 });
    expect(total.status).toBe('timeout');
    expect(total.failing!.ename).toBe('TotalTimeout');
  });
});
