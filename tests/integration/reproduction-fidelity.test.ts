import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cells, kaggleKernels, notebookAnalyses, runnerImages } from '../../lib/db/schema';
import { analyseStoredNotebook, ANALYSER_VERSION } from '../../lib/analysis-store';
import { executorConfigSchema, RUNNER_IMAGE } from '../../lib/execute/config';
import { createContainerExecutor } from '../../lib/execute/container-executor';
import { dockerFromEnv } from '../../lib/execute/docker';
import { preflightNotebooks } from '../../lib/execute/preflight/preflight-notebooks';
import { reproduceNotebook } from '../../lib/execute/reproduce-notebook';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { stopBoss } from '../../lib/jobs/boss';
import { enqueueReproductions } from '../../lib/jobs/enqueue-reproductions';
import { createTestStore, type TestStore } from '../helpers/db';
import { codeNotebook } from '../helpers/notebooks';
import { hasContainers } from '../helpers/system';

// Issue 13 with real Podman and the runner image the product uses (scripts/containers/build-runner-image.sh).
const available = await hasContainers();
const docker = dockerFromEnv()!;
const MAPPED = 'localhost/vizmine-test-kaggle:mapped';
const config = executorConfigSchema.parse({ executor: 'container', cellTimeoutS: 120, totalTimeoutS: 240, memoryMb: 2048 });

describe.skipIf(!available)('reproduction fidelity (real containers)', () => {
  let store: TestStore;
  let data: string;
  const saved = { map: process.env.VIZMINE_IMAGE_MAP, datasets: process.env.VIZMINE_DATASETS_DIR };
  const executor = createContainerExecutor(docker, RUNNER_IMAGE);
  let seq = 0;
  const add = async (name: string, cells: string[], kernel?: { dockerImage?: string; datasets?: string[] }) => {
    const id = (await importNotebook(store.db, { file: `${name}.ipynb`, bytes: codeNotebook(`# ${name}`, ...cells), blobDir: store.blobDir })).notebookId!;
    if (kernel) await store.db.insert(kaggleKernels).values({ notebookId: id, ref: `someone/${name}`, dockerImage: kernel.dockerImage, datasets: kernel.datasets ?? [], storedForm: 'source', source: 'api' });
    return id;
  };
  const reproduce = (notebookId: number) =>
    reproduceNotebook({ db: store.db, blobDir: store.blobDir, dataDir: store.dataDir, executor, workerId: 'test', jobId: `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}` }, { notebookId, config });

  beforeAll(async () => {
    store = await createTestStore();
    data = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-datasets-'));
    process.env.VIZMINE_DATASETS_DIR = data;
    // A second local image, different from the default by one file, standing in for a Kaggle image.
    const c = await docker.createContainer({ Image: RUNNER_IMAGE, User: '0:0', Cmd: ['sh', '-c', 'echo kaggle-image > /etc/vizmine-image'] });
    await c.start();
    await c.wait();
    await c.commit({ repo: 'localhost/vizmine-test-kaggle', tag: 'mapped' });
    await c.remove({ force: true });
    process.env.VIZMINE_IMAGE_MAP = JSON.stringify({ 'gcr.io/kaggle-images/python*': MAPPED, 'gcr.io/kaggle-gpu-images/*': 'localhost/not-on-this-machine:1' });
  }, 300_000);
  afterAll(async () => {
    process.env.VIZMINE_IMAGE_MAP = saved.map;
    process.env.VIZMINE_DATASETS_DIR = saved.datasets;
    await docker.getImage(MAPPED).remove({ force: true }).catch(() => {});
    await stopBoss(store?.url);
    await store?.close();
  });

  it('runs a notebook importing xgboost, statsmodels and jinja2 (DataFrame.style)', async () => {
    const id = await add('fuller', [
      'import pandas as pd, numpy as np\nimport xgboost as xgb\nimport statsmodels.api as sm',
      'X = np.arange(40, dtype=float).reshape(20, 2); y = X[:, 0] * 2 + 1\nm = xgb.XGBRegressor(n_estimators=5).fit(X, y)\nprint("xgb", len(m.predict(X)))',
      'print("ols", round(sm.OLS(y, sm.add_constant(X[:, 0])).fit().params[1], 3))',
      'html = pd.DataFrame({"a": [1, 2]}).style.highlight_max().to_html()\nprint("styled", "<table" in html)',
    ]);
    const e = (await reproduce(id))!;
    expect(e.status, `${e.exceptionType}: ${e.exceptionMessage}\n${e.log}`).toBe('ok');
    expect(e.image).toBe(RUNNER_IMAGE);
  });

  it('the pre-flight lists a module and a dataset the image lacks, and skipBlocked leaves that notebook out', async () => {
    const ok = await add('plain', ['import pandas, sklearn, xgboost, statsmodels, jinja2, optuna, bs4, nltk, numba']);
    const blocked = await add('blocked', ['import pandas as pd\nfrom catboost import CatBoostClassifier', "pd.read_csv('/kaggle/input/titanic/train.csv')"]);
    const p = await preflightNotebooks(store.db, store.dataDir, [ok, blocked], 'container');
    const [stored] = await store.db.select().from(runnerImages).where(eq(runnerImages.imageId, p.images[0].imageId!));
    expect(stored.modules).toEqual(expect.arrayContaining(['pandas', 'xgboost', 'os', 'sys']));
    expect(p.notebooks.find((n) => n.notebookId === ok)).toMatchObject({ blocked: false, missingModules: [], missingDatasets: [] });
    const b = p.notebooks.find((n) => n.notebookId === blocked)!;
    expect(b.missingModules).toEqual(['catboost']);
    expect(b.missingDatasets).toEqual([expect.stringMatching(/^reads \/kaggle\/input\/titanic, not available/)]);
    expect(p.blockers.map((x) => [x.kind, x.name, x.notebooks])).toEqual([['dataset', '/kaggle/input/titanic', 1], ['module', 'catboost', 1]]);

    const queued = await enqueueReproductions(store, { notebookIds: [ok, blocked] }, { executor: 'container' }, { skipBlocked: true });
    expect(queued.queued.map((q) => q.notebookId)).toEqual([ok]);
    expect(queued.skipped.map((s) => s.notebookId)).toEqual([blocked]);
  });

  it("the pre-flight reads a notebook's stored analysis at today's analyser version, and the code itself otherwise", async () => {
    const id = await add('analysed', ['import pandas as pd\nfrom catboost import CatBoostClassifier', "pd.read_csv('/kaggle/input/titanic/train.csv')"]);
    expect(await analyseStoredNotebook(store.db, id)).toMatchObject({ status: 'analysed' });
    const [row] = await store.db.select().from(notebookAnalyses).where(eq(notebookAnalyses.notebookId, id));
    expect([row.analyserVersion, row.imports]).toEqual([ANALYSER_VERSION, ['catboost', 'pandas']]);
    const missing = async () => (await preflightNotebooks(store.db, store.dataDir, [id], 'container')).notebooks[0];
    expect(await missing()).toMatchObject({ missingModules: ['catboost'], missingDatasets: [expect.stringMatching(/^reads \/kaggle\/input\/titanic, not available/)] });
    // What is stored is what the pre-flight goes by (a module only the stored row names shows up)...
    await store.db.update(notebookAnalyses).set({ imports: ['catboost', 'no_such_module', 'pandas'] }).where(eq(notebookAnalyses.notebookId, id));
    expect((await missing()).missingModules).toEqual(['catboost', 'no_such_module']);
    // ...unless it is from another analyser version: then the code is read again.
    await store.db.update(notebookAnalyses).set({ analyserVersion: 'analysis-v0' }).where(eq(notebookAnalyses.notebookId, id));
    expect((await missing()).missingModules).toEqual(['catboost']);
  });

  it("runs a kernel in its mapped image when that image is here; otherwise in the default, and records which", async () => {
    const probe = 'import os\nprint("image:", open("/etc/vizmine-image").read().strip() if os.path.exists("/etc/vizmine-image") else "default")';
    const mapped = await add('mapped', [probe], { dockerImage: 'gcr.io/kaggle-images/python@sha256:0123' });
    const absent = await add('absent', [probe], { dockerImage: 'gcr.io/kaggle-gpu-images/python@sha256:4567' });
    const other = await add('other', [probe], { dockerImage: 'gcr.io/kaggle-images/rstats:v1' });
    const [m, a, o] = [(await reproduce(mapped))!, (await reproduce(absent))!, (await reproduce(other))!];
    expect([m.status, a.status, o.status]).toEqual(['ok', 'ok', 'ok']);
    expect([m.image, a.image, o.image]).toEqual([MAPPED, RUNNER_IMAGE, RUNNER_IMAGE]);
    expect(await printed(m.executedNotebookId!)).toContain('image: kaggle-image');
    expect(await printed(o.executedNotebookId!)).toContain('image: default');
  });

  it('an old notebook reading ../input/x.csv finds its one dataset, also at /kaggle/input/<slug>', async () => {
    fs.mkdirSync(path.join(data, 'old-data'));
    fs.writeFileSync(path.join(data, 'old-data', 'x.csv'), 'a,b\n1,2\n3,4\n');
    const id = await add('old', ['import pandas as pd\nprint("top", pd.read_csv("../input/x.csv").shape)', 'print("slug", pd.read_csv("/kaggle/input/old-data/x.csv").a.sum())'], { datasets: ['someone/old-data'] });
    const e = (await reproduce(id))!;
    expect(e.status, `${e.exceptionType}: ${e.exceptionMessage}\n${e.log}`).toBe('ok');
    expect(e.missingDatasets).toEqual([]);
    const text = await printed(e.executedNotebookId!);
    expect(text).toContain('top (2, 2)');
    expect(text).toContain('slug 4');
  });

  // The outputs of the executed notebook, as imported (streams keep their text in the JSON).
  async function printed(notebookId: number): Promise<string> {
    const rows = await store.db.select({ outputs: cells.outputs }).from(cells).where(eq(cells.notebookId, notebookId));
    return JSON.stringify(rows.map((r) => r.outputs));
  }
});
