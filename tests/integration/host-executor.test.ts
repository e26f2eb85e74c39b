import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executorConfigSchema } from '../../lib/execute/config';
import { createHostExecutor } from '../../lib/execute/host-executor';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { createTestStore, type TestStore } from '../helpers/db';
import { codeNotebook } from '../helpers/notebooks';
import { hasHostPython } from '../helpers/system';

const hasNbclient = hasHostPython('nbclient, ipykernel, matplotlib, pandas, seaborn, sklearn');
const host = createHostExecutor();
const executeOnHost = (nb: Uint8Array, t: { cellTimeoutS: number; totalTimeoutS: number }) =>
  host.run({ notebook: nb, config: executorConfigSchema.parse({ executor: 'host', ...t }) });
const notebook = codeNotebook;

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

  it('runs the data-science stack Kaggle notebooks import (pandas, seaborn, scikit-learn)', async () => {
    const result = await executeOnHost(
      notebook(
        'import pandas as pd, seaborn as sns, matplotlib.pyplot as plt\nfrom sklearn.linear_model import LinearRegression',
        'df = pd.DataFrame({"x": range(20), "y": [2 * i + 1 for i in range(20)]})\nmodel = LinearRegression().fit(df[["x"]], df["y"])\nprint(round(model.coef_[0], 3))',
        'sns.scatterplot(data=df, x="x", y="y"); plt.show()',
      ),
      { cellTimeoutS: 120, totalTimeoutS: 240 },
    );
    expect(result.status, result.log).toBe('ok');
    const executed = JSON.parse(Buffer.from(result.executed!).toString());
    expect(executed.cells[1].outputs[0].text.join('')).toBe('2.0\n');
    expect(executed.cells[2].outputs.some((o: { data?: Record<string, unknown> }) => o.data?.['image/png'])).toBe(true);
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
