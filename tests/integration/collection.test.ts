import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { kaggleKernels, notebooks, runItems } from '../../lib/db/schema';
import { createKaggleClient } from '../../lib/kaggle/client/http';
import { createStrategy } from '../../lib/kaggle/strategies';
import { strategyInput } from '../../lib/kaggle/strategy-schema';
import { previewStrategy } from '../../lib/kaggle/preview';
import { apiSource } from '../../lib/kaggle/runs/api-source';
import { getRun, startRun } from '../../lib/kaggle/runs/run-state';
import { collectRun } from '../../lib/kaggle/runs/collect-run';
import { exportSampleCsv } from '../../lib/kaggle/runs/export-sample';
import { visualisationFacetLists } from '../../lib/browse/visualisation-facets';
import { listVisualisations } from '../../lib/browse/list-visualisations';
import { startKaggleServer, type KaggleServer } from '../helpers/kaggle-server';
import { createTestStore, type TestStore } from '../helpers/db';

// A strategy run end to end against the Kaggle test server: list, sample, download, import.
describe('collecting a strategy from the Kaggle API', () => {
  let server: KaggleServer;
  let store: TestStore;
  const definition = strategyInput.parse({
    name: 'top half of the two biggest competitions',
    scope: { kind: 'top-competitions', n: 2, by: 'notebooks' },
    sampling: { kind: 'top-percent', percent: 50 },
    seed: 7,
  });

  beforeAll(async () => {
    server = await startKaggleServer({ requireAuth: true });
    store = await createTestStore();
    process.env.KAGGLE_API_BASE_URL = server.url;
    process.env.KAGGLE_API_TOKEN = 'test-token';
  });
  afterAll(async () => {
    delete process.env.KAGGLE_API_BASE_URL;
    delete process.env.KAGGLE_API_TOKEN;
    await store?.close();
    await server?.close();
  });

  const client = () => createKaggleClient({ baseUrl: server.url, credentials: { kind: 'bearer', token: 'test-token' }, baseDelayMs: 5 });

  /** What the strategy should select, computed from what the server serves. */
  function expected() {
    const byCompetition = new Map<string, { ref: string; votes: number }[]>();
    for (const k of server.kernels) {
      const comp = (k.meta.competitionDataSources as string[])[0];
      if (!comp || k.meta.language !== 'python' || k.meta.kernelType !== 'notebook') continue;
      if (!byCompetition.has(comp)) byCompetition.set(comp, []);
      byCompetition.get(comp)!.push({ ref: k.meta.ref, votes: k.meta.totalVotes });
    }
    return byCompetition;
  }

  it('previews what it matches and samples, without downloading', async () => {
    const before = server.count('file') + server.count('GetKernel');
    const preview = await previewStrategy(apiSource(client()), definition);
    expect(preview.competitions.length).toBeGreaterThan(0);
    expect(preview.competitions.length).toBeLessThanOrEqual(2);
    const exp = expected();
    const matching = preview.competitions.map((c) => exp.get(c!)!);
    expect(preview.found).toBe(matching.reduce((n, g) => n + g.length, 0));
    expect(preview.sampled).toBe(matching.reduce((n, g) => n + Math.ceil(g.length / 2), 0));
    const top = [...matching[0]].sort((a, b) => b.votes - a.votes || a.ref.localeCompare(b.ref))[0];
    expect(preview.first.map((f) => f.ref)).toContain(top.ref);
    expect(server.count('file') + server.count('GetKernel')).toBe(before);
  });

  it('runs: every sampled notebook imported once, with its metadata and the form stored', async () => {
    const strategy = await createStrategy(store.db, definition);
    const run = await startRun(store.db, strategy.id, 'api');
    const done = await collectRun(store.db, { dataDir: store.dataDir, blobDir: store.blobDir }, run.id);
    expect(done.status).toBe('done');
    expect(done.sampled).toBeGreaterThan(0);
    expect(done.imported + done.duplicates + done.failed).toBe(done.sampled);
    expect(done.failed).toBe(0);

    const items = await store.db.select().from(runItems).where(eq(runItems.runId, run.id));
    expect(items).toHaveLength(done.sampled);
    const meta = await store.db.select().from(kaggleKernels);
    expect(new Set(meta.map((m) => m.ref))).toEqual(new Set(items.map((i) => i.ref)));
    const one = meta[0];
    expect(one.storedForm).toBe('with-outputs'); // the server offers the last run's notebook
    expect(one.votes).toBeGreaterThanOrEqual(0);
    expect(one.competitions.length).toBe(1);
    const [nb] = await store.db.select().from(notebooks).where(eq(notebooks.id, one.notebookId));
    expect(nb.title).toBe(one.title);

    // The collected notebooks' competitions become gallery facets, and filter the gallery.
    const facets = await visualisationFacetLists(store.db, {});
    const competitions = new Set(items.map((i) => i.competition));
    expect(facets.competition.length).toBeGreaterThan(0);
    for (const c of facets.competition) expect(competitions.has(c.value)).toBe(true);
    const top = facets.competition[0];
    const page = await listVisualisations(store.db, { competition: top.value, limit: 200 });
    expect(page.items).toHaveLength(top.count);

    const csv = (await exportSampleCsv(store.db, run.id)).trim().split('\r\n');
    expect(csv).toHaveLength(done.sampled + 1);
    expect(csv[0]).toContain('ref');
    expect(csv[0]).toContain('seed');
    expect(csv[1]).toContain(',7,'); // the seed
  });

  it('records a kernel whose source is not JSON as failed and goes on', async () => {
    const strategy = await createStrategy(store.db, { ...definition, name: 'one competition', scope: { kind: 'competitions', slugs: ['titanic'] }, sampling: { kind: 'top-k', k: 3 } });
    server.script('GetKernel', { sourceNotJson: true }, 1);
    server.script('file', { status: 404 }, 1); // no saved notebook either: only the broken source is left
    const run = await startRun(store.db, strategy.id, 'api');
    const done = await collectRun(store.db, { dataDir: store.dataDir, blobDir: store.blobDir }, run.id);
    expect(done.status).toBe('done');
    expect(done.failed).toBe(1);
    expect(done.imported + done.duplicates).toBe(done.sampled - 1);
    const failed = await store.db.select().from(runItems).where(sql`${runItems.runId} = ${run.id} and ${runItems.status} = 'failed'`);
    expect(failed[0].error).toMatch(/json|JSON|truncated/);
  });

  it('resumes a run whose process was killed, storing no notebook twice', async () => {
    const strategy = await createStrategy(store.db, { ...definition, name: 'everything python', scope: { kind: 'all' }, sampling: { kind: 'all' } });
    const env = { ...process.env, DATABASE_URL: store.url, KAGGLE_API_BASE_URL: server.url, KAGGLE_API_TOKEN: 'test-token' };
    const cli = (args: string[]) => ['--import', 'tsx', 'scripts/cli.ts', '--data-dir', store.dataDir, ...args];
    // Slow the downloads down so the kill lands mid-run.
    server.script('GetKernel', { delayMs: 150 }, 1000);
    const first = spawn(process.execPath, cli(['strategy', 'run', String(strategy.id), '--json']), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let progress = 0;
    await new Promise<void>((resolve) => {
      first.stderr!.on('data', (d: Buffer) => {
        progress += (d.toString().match(/"imported":[1-9]/g) ?? []).length;
        if (progress >= 5 && first.exitCode === null) first.kill('SIGKILL');
      });
      first.on('exit', () => resolve());
    });
    expect(first.signalCode).toBe('SIGKILL');
    const [{ id: runId }] = await store.db.execute<{ id: number }>(sql`select max(id) as id from strategy_runs where strategy_id = ${strategy.id}`);
    const killed = await getRun(store.db, runId);
    expect(killed.status).toBe('running');
    expect(killed.imported + killed.duplicates).toBeLessThan(killed.sampled);

    // Asynchronously: the Kaggle test server lives in this process and must keep answering.
    const second = spawn(process.execPath, cli(['strategy', 'run', String(strategy.id), '--resume', String(runId), '--json']), { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    second.stdout!.on('data', (d) => (stdout += d));
    second.stderr!.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code, stderr.slice(-2000)).toBe(0);
    const summary = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(summary).toMatchObject({ runId, status: 'done', failed: 0 });
    expect(summary.imported + summary.duplicates).toBe(summary.sampled);
    const [{ n, distinct }] = await store.db.execute<{ n: number; distinct: number }>(
      sql`select count(*)::int as n, count(distinct content_hash)::int as distinct from notebooks`,
    );
    expect(n).toBe(distinct);
    const perRef = await store.db.execute(sql`select ref from kaggle_kernels group by ref having count(*) > 1`);
    expect(perRef).toHaveLength(0);
  });
});
