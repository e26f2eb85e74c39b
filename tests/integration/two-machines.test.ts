import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eq, isNotNull, and } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobs, executions, figureMatches, visualisationLabels, visualisations } from '../../lib/db/schema';
import { executorConfigSchema } from '../../lib/execute/config';
import { createHostExecutor } from '../../lib/execute/host-executor';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { stopBoss } from '../../lib/jobs/boss';
import { enqueueReproductions } from '../../lib/jobs/enqueue-reproductions';
import { signedInHeaders } from '../helpers/api-auth';
import { createTestStore, type TestStore } from '../helpers/db';
import { codeNotebook } from '../helpers/notebooks';
import { hasHostPython } from '../helpers/system';
import { killWorkerProcesses, startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';

const available = hasHostPython();
const tag = crypto.randomBytes(3).toString('hex');
const NS = `vzb-${tag}`;
const [VETH_A, VETH_B] = [`vza${tag}`, `vzb${tag}`];
const subnet = 100 + (parseInt(tag, 16) % 100);
const [ADDR_A, ADDR_B] = [`10.231.${subnet}.1`, `10.231.${subnet}.2`];

function ip(...args: string[]) {
  const r = spawnSync('ip', args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${r.stderr.trim()} (the two-machine test needs root for ip netns)`);
}

/** Forwards the veth address to the test PostgreSQL, which listens on 127.0.0.1 only. */
function pgForwarder(pgPort: number): Promise<net.Server> {
  const server = net.createServer((c) => {
    const up = net.connect(pgPort, '127.0.0.1');
    c.pipe(up).pipe(c);
    c.on('error', () => up.destroy());
    up.on('error', () => c.destroy());
  });
  return new Promise((resolve) => server.listen(0, ADDR_A, () => resolve(server)));
}

// Machine A imports and serves; machine B is a worker in its own network namespace, reaching
// PostgreSQL over a veth pair, with its own data dir. They share only DATABASE_URL, and the
// blobs through it (VIZMINE_BLOB_STORE=postgres): nothing passes through a filesystem.
describe.skipIf(!available)('two machines sharing only the database and the blob store', () => {
  let store: TestStore;
  let forwarder: net.Server | null = null;
  let machineB: WorkerProcess | null = null;
  let bDir: string;
  beforeAll(async () => {
    store = await createTestStore();
    bDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-machine-b-'));
    Object.assign(process.env, { DATABASE_URL: store.url, VIZMINE_DATA_DIR: store.dataDir, VIZMINE_BLOB_STORE: 'postgres' });
    ip('netns', 'add', NS);
    ip('link', 'add', VETH_A, 'type', 'veth', 'peer', 'name', VETH_B);
    ip('link', 'set', VETH_B, 'netns', NS);
    ip('addr', 'add', `${ADDR_A}/30`, 'dev', VETH_A);
    ip('link', 'set', VETH_A, 'up');
    ip('netns', 'exec', NS, 'ip', 'addr', 'add', `${ADDR_B}/30`, 'dev', VETH_B);
    ip('netns', 'exec', NS, 'ip', 'link', 'set', VETH_B, 'up');
    ip('netns', 'exec', NS, 'ip', 'link', 'set', 'lo', 'up');
  });
  afterAll(async () => {
    killWorkerProcesses();
    forwarder?.close();
    spawnSync('ip', ['link', 'del', VETH_A]);
    spawnSync('ip', ['netns', 'del', NS]);
    const { closeAllDatabases } = await import('../../lib/db/client');
    await closeAllDatabases();
    await stopBoss(store.url);
    await store.close();
    fs.rmSync(bDir, { recursive: true, force: true });
    delete process.env.VIZMINE_BLOB_STORE;
  });

  it("B reproduces and analyses A's notebook; A serves B's figures and the match is `same`", async () => {
    // The author's notebook, with the figure its run drew, imported on A.
    const host = createHostExecutor();
    const run = await host.run({ notebook: codeNotebook('import matplotlib.pyplot as plt', 'plt.plot([1, 3, 2, 5]); plt.title("line"); plt.show()'), config: executorConfigSchema.parse({ executor: 'host' }) });
    const original = await importNotebook(store.db, { file: 'author.ipynb', bytes: Buffer.from(run.executed!), blobDir: store.blobDir });
    expect(original.status).toBe('imported');
    expect(fs.existsSync(store.blobDir)).toBe(false); // the figure went to the shared store, not A's disk
    await enqueueReproductions(store, { notebookIds: [original.notebookId!] }, { executor: 'host', cellTimeoutS: 120 });

    const pg = new URL(store.url);
    forwarder = await pgForwarder(Number(pg.port));
    pg.hostname = ADDR_A;
    pg.port = String((forwarder.address() as net.AddressInfo).port);
    machineB = startWorkerProcess({ url: pg.toString(), dataDir: bDir }, { prefix: ['ip', 'netns', 'exec', NS], env: { VIZMINE_BLOB_STORE: 'postgres' } });

    const deadline = Date.now() + 240_000;
    let done: typeof executions.$inferSelect | undefined;
    while (!(done = (await store.db.select().from(executions))[0])) {
      if (Date.now() > deadline || machineB.child.exitCode !== null) throw new Error(`machine B reproduced nothing:\n${machineB.output()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(done).toMatchObject({ status: 'ok', figuresBefore: 1, figuresAfter: 1, figuresSame: 1 });
    const [pair] = await store.db.select().from(figureMatches).where(eq(figureMatches.executionId, done.id));
    expect(pair.outcome).toBe('same');

    // A's blob route serves the figure B reproduced, from the shared store.
    const [figure] = await store.db.select().from(visualisations).where(eq(visualisations.notebookId, done.executedNotebookId!));
    const sha = figure.blobSha256!;
    const route = await import('../../app/api/blobs/[sha]/route');
    const { headers } = await signedInHeaders(store, { role: 'admin' });
    const res = await route.GET(new Request(`http://localhost/api/blobs/${sha}`, { headers }), { params: Promise.resolve({ sha }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(sha);

    // B's background work made the thumbnails into the shared store too; A serves them.
    const thumbnailed = async () => (await store.db.select().from(blobs).where(and(eq(blobs.sha256, sha), isNotNull(blobs.thumbnailAt)))).length === 1;
    while (!(await thumbnailed())) {
      if (Date.now() > deadline) throw new Error(`no thumbnail:\n${machineB.output()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const thumbRoute = await import('../../app/api/blobs/[sha]/thumbnail/route');
    const thumb = await thumbRoute.GET(new Request(`http://localhost/api/blobs/${sha}/thumbnail`, { headers }), { params: Promise.resolve({ sha }) });
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect(Buffer.from(await thumb.arrayBuffer()).subarray(8, 12).toString()).toBe('WEBP');
    // B analysed the reproduced notebook as well: its figure is labelled from the code that drew it.
    let label: typeof visualisationLabels.$inferSelect | undefined;
    while (!(label = (await store.db.select().from(visualisationLabels).where(eq(visualisationLabels.visualisationId, figure.id)))[0])) {
      if (Date.now() > deadline) throw new Error(`no analysis:\n${machineB.output()}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(label).toMatchObject({ chartType: 'line', library: 'matplotlib' });
    // Nothing of either machine's blobs is on either disk.
    expect(fs.existsSync(store.blobDir)).toBe(false);
    expect(fs.existsSync(path.join(bDir, 'blobs'))).toBe(false);
  }, 300_000);
});
