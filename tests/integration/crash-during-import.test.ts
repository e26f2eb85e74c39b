import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../helpers/corpus';
import { createTestStore, type TestStore } from '../helpers/db';

// A CLI import SIGKILLed mid-batch leaves only whole notebooks; running it again completes the batch
// without storing anything twice.
describe('an import killed mid-batch', () => {
  // The CLI runs in its own process, on this store's database and data dir.
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore();
  });
  afterAll(() => store.close());

  const importCorpus = () =>
    spawn(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', '--data-dir', store.dataDir, 'import', CORPUS_DIR, '--json', '--no-derivatives'], {
      env: { ...process.env, DATABASE_URL: store.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('leaves no half-imported notebook, and the re-run stores each notebook exactly once', async () => {
    // Kill it once a dozen notebooks are reported, i.e. while others are being stored.
    const first = importCorpus();
    let lines = 0;
    await new Promise<void>((resolve) => {
      first.stdout!.on('data', (d: Buffer) => {
        lines += d.toString().split('\n').filter(Boolean).length;
        if (lines >= 12 && first.exitCode === null) first.kill('SIGKILL');
      });
      first.on('exit', () => resolve());
    });
    expect(first.signalCode).toBe('SIGKILL');

    const db = store.db.$client;
    const partial = await db`select count(*)::int as n from notebooks`;
    expect(partial[0].n).toBeGreaterThanOrEqual(12);
    expect(partial[0].n).toBeLessThan(100);
    // Every stored notebook is whole: all its cells and visualisations are there.
    const torn = await db`
      select n.file_name from notebooks n
      where n.status = 'imported' and (
        (select count(*) from cells c where c.notebook_id = n.id) <> n.code_cells + n.markdown_cells + n.raw_cells + n.heading_cells
        or (select count(*) from visualisations v where v.notebook_id = n.id) <> n.visualisation_count)`;
    expect(torn).toEqual([]);

    const second = importCorpus();
    let out = '';
    second.stdout!.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(0);
    const results = out.trim().split('\n').map((l) => JSON.parse(l));
    expect(results).toHaveLength(100);
    expect(results.filter((r) => r.status === 'duplicate').length).toBe(partial[0].n);

    const [{ n, distinct }] = await db`select count(*)::int as n, count(distinct content_hash)::int as distinct from notebooks`;
    expect(n).toBe(100);
    expect(distinct).toBe(100);
  });
});
