import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { kaggleKernels, runItems } from '../../lib/db/schema';
import { importMetaKaggle } from '../../lib/kaggle/meta-kaggle/import-meta-kaggle';
import { metaKaggleCodePath } from '../../lib/kaggle/meta-kaggle/code-path';
import { createStrategy } from '../../lib/kaggle/strategies';
import { strategyInput } from '../../lib/kaggle/strategy-schema';
import { startRun } from '../../lib/kaggle/runs/run-state';
import { collectRun } from '../../lib/kaggle/runs/collect-run';
import { corpusFile } from '../helpers/corpus';
import { createTestStore, type TestStore } from '../helpers/db';

// The same strategy machinery, run offline: Meta Kaggle tables for the selection, a Meta Kaggle Code
// folder (in the data dir) for the notebooks.
const D = '04/27/2015 17:11:57';
const KERNELS = [
  // id, author, slug, votes, competition, corpus notebook (null: missing from the Code folder)
  [1, 'alice', 'titanic-best', 90, 10, 'agconti-titanic__Titanic.ipynb'],
  [2, 'bob', 'titanic-second', 50, 10, 'anthropikos__et_project_explore.ipynb'],
  [3, 'bob', 'titanic-third', 10, 10, null],
  [4, 'alice', 'digits-only', 70, 20, 'anthropikos__train_val_loss_over_epoch.ipynb'],
] as const;
const version = (k: number) => k * 100 + 1;

function writeDump(dir: string, codeDir: string) {
  const w = (name: string, lines: string[]) => fs.writeFileSync(path.join(dir, name), lines.join('\n') + '\n');
  w('Users.csv', ['Id,UserName,DisplayName', '1,alice,Alice', '2,bob,Bob']);
  w('Competitions.csv', ['Id,Slug,Title,TotalTeams', '10,titanic,Titanic,5000', '20,digits,Digits,300']);
  w('KernelLanguages.csv', ['Id,Name,DisplayName,IsNotebook', '8,IPython Notebook HTML,Python,True']);
  w('Kernels.csv', ['Id,AuthorUserId,CurrentKernelVersionId,CurrentUrlSlug,Medal,TotalVotes,CreationDate',
    ...KERNELS.map(([k, a, slug, votes]) => `${k},${a === 'alice' ? 1 : 2},${version(k)},${slug},,${votes},${D}`)]);
  w('KernelVersions.csv', ['Id,ScriptId,ScriptLanguageId,AuthorUserId,CreationDate,VersionNumber,Title,TotalVotes',
    ...KERNELS.map(([k, a, slug, votes]) => `${version(k)},${k},8,${a === 'alice' ? 1 : 2},${D},1,${slug},${votes}`)]);
  w('KernelVersionCompetitionSources.csv', ['Id,KernelVersionId,SourceCompetitionId', ...KERNELS.map(([k, , , , c]) => `${k},${version(k)},${c}`)]);
  for (const [k, , , , , file] of KERNELS) {
    if (!file) continue;
    const target = metaKaggleCodePath(codeDir, version(k));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(corpusFile(file), target); // into a temp dir, never the repository
  }
}

describe('a strategy run against Meta Kaggle', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore();
    const dump = path.join(store.dataDir, 'dump');
    fs.mkdirSync(dump);
    writeDump(dump, path.join(store.dataDir, 'meta-kaggle-code'));
    await importMetaKaggle(store.db, dump);
  });
  afterAll(() => store?.close());

  it('selects in SQL, reads the notebooks from the Code folder, and records a missing file as failed', async () => {
    const strategy = await createStrategy(store.db, strategyInput.parse({
      name: 'top 2 of the biggest competition',
      scope: { kind: 'top-competitions', n: 1, by: 'notebooks' },
      sampling: { kind: 'all' },
      seed: 7,
    }));
    const run = await startRun(store.db, strategy.id, 'meta-kaggle');
    const done = await collectRun(store.db, { dataDir: store.dataDir, blobDir: store.blobDir }, run.id);
    expect(done).toMatchObject({ status: 'done', found: 3, sampled: 3, imported: 2, failed: 1 });

    const items = await store.db.select().from(runItems).where(eq(runItems.runId, run.id));
    expect(items.map((i) => [i.ref, i.rank, i.status]).sort()).toEqual([
      ['alice/titanic-best', 1, 'imported'],
      ['bob/titanic-second', 2, 'imported'],
      ['bob/titanic-third', 3, 'failed'],
    ]);
    expect(items.find((i) => i.status === 'failed')!.error).toMatch(/not in the Meta Kaggle Code folder/);
    const meta = await store.db.select().from(kaggleKernels);
    expect(meta.map((m) => [m.ref, m.storedForm, m.source, m.competitions, m.votes]).sort()).toEqual([
      ['alice/titanic-best', 'meta-kaggle-code', 'meta-kaggle', ['titanic'], 90],
      ['bob/titanic-second', 'meta-kaggle-code', 'meta-kaggle', ['titanic'], 50],
    ]);
  });
});
