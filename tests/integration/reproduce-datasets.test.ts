import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kaggleKernels, notebooks } from '../../lib/db/schema';
import { executorConfigSchema } from '../../lib/execute/config';
import { createHostExecutor } from '../../lib/execute/host-executor';
import { reproduceNotebook } from '../../lib/execute/reproduce-notebook';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { createTestStore, type TestStore } from '../helpers/db';
import { startKaggleServer, type KaggleServer } from '../helpers/kaggle-server';
import { codeNotebook } from '../helpers/notebooks';
import { hasHostPython } from '../helpers/system';

const available = hasHostPython('nbclient, ipykernel, pandas');

// A notebook's competition and datasets are fetched once through the Kaggle client (here the local
// server that speaks Kaggle's API), cached, and mounted; one that cannot be had is a recorded cause.
describe.skipIf(!available)('datasets of a reproduced notebook', () => {
  let store: TestStore;
  let kaggle: KaggleServer;
  const saved = { base: process.env.KAGGLE_API_BASE_URL, token: process.env.KAGGLE_API_TOKEN };
  beforeAll(async () => {
    store = await createTestStore();
    kaggle = await startKaggleServer();
    process.env.KAGGLE_API_BASE_URL = kaggle.url;
    process.env.KAGGLE_API_TOKEN = 'test-token';
  });
  afterAll(async () => {
    process.env.KAGGLE_API_BASE_URL = saved.base;
    process.env.KAGGLE_API_TOKEN = saved.token;
    await kaggle.close();
    await store.close();
  });

  it('downloads each source once, mounts it at ../input/<slug>, and records the one that is missing', async () => {
    const nb = await importNotebook(store.db, {
      file: 'titanic.ipynb',
      bytes: codeNotebook('import pandas as pd', 'print("titanic", pd.read_csv("../input/titanic/train.csv", comment="#").shape)', 'print("iris", open("../input/iris/README.txt").read())'),
      blobDir: store.blobDir,
    });
    await store.db.insert(kaggleKernels).values({ notebookId: nb.notebookId!, ref: 'someone/titanic-eda', competitions: ['titanic'], datasets: ['uciml/iris', 'nobody/not-a-dataset'], storedForm: 'source', source: 'api' });
    const host = createHostExecutor();
    const run = (jobId: string, runMissingDatasets = true) =>
      reproduceNotebook({ db: store.db, blobDir: store.blobDir, dataDir: store.dataDir, executor: host, workerId: 'test', jobId }, { notebookId: nb.notebookId!, config: executorConfigSchema.parse({ executor: 'host' }), runMissingDatasets });

    const first = (await run('00000000-0000-4000-8000-000000000001'))!;
    expect(first.status, first.log).toBe('ok');
    expect(first.missingDatasets).toHaveLength(1);
    expect(first.missingDatasets[0]).toMatch(/^dataset nobody\/not-a-dataset: .*404|not found/i);
    const [executed] = await store.db.select().from(notebooks).where(eq(notebooks.id, first.executedNotebookId!));
    expect(executed.reproducedFrom).toBe(nb.notebookId);

    const second = (await run('00000000-0000-4000-8000-000000000002'))!;
    expect(second.status).toBe('ok');
    expect(kaggle.count('DownloadDataFiles')).toBe(1);
    expect(kaggle.count('DownloadDataset')).toBe(3); // iris once (then cached); the missing one asked by each run

    // Unless asked, a notebook with a missing source is not run: recorded apart from its own faults.
    const third = (await run('00000000-0000-4000-8000-000000000003', false))!;
    expect(third.status).toBe('missing_datasets');
    expect(third.executedNotebookId).toBeNull();
    expect(third.missingDatasets).toEqual([expect.stringMatching(/^dataset nobody\/not-a-dataset: /)]);
    expect(third.log).toMatch(/not run: dataset nobody\/not-a-dataset/);
  });
});
