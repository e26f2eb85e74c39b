// The reproduction API's route handlers, called in-process against a throwaway database.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNotebook } from '../../lib/ingest/import-notebook';
import { stopBoss } from '../../lib/jobs/boss';
import { workers } from '../../lib/db/schema';
import { createTestStore, type TestStore } from '../helpers/db';
import { signedInHeaders } from '../helpers/api-auth';

const notebook = (title: string) =>
  Buffer.from(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: 'python3', language: 'python' } }, cells: [{ cell_type: 'markdown', metadata: {}, source: `# ${title}` }] }));

// A supervisor's session (starting and steering reproduction needs admin or supervisor).
let auth = new Headers();
const post = (body?: unknown, as = auth) =>
  new Request('http://localhost/x', { method: 'POST', headers: { ...Object.fromEntries(as), 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
const get = (q = '') => new Request(`http://localhost/x${q}`, { headers: auth });
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

describe('reproduction API', () => {
  let store: TestStore;
  const ids: number[] = [];
  let api: {
    reproductions: typeof import('../../app/api/reproductions/route');
    jobs: typeof import('../../app/api/jobs/route');
    job: typeof import('../../app/api/jobs/[id]/route');
    cancel: typeof import('../../app/api/jobs/[id]/cancel/route');
    retry: typeof import('../../app/api/jobs/[id]/retry/route');
    pause: typeof import('../../app/api/jobs/pause/route');
    stats: typeof import('../../app/api/jobs/stats/route');
    workers: typeof import('../../app/api/workers/route');
    csv: typeof import('../../app/api/executions.csv/route');
  };

  beforeAll(async () => {
    store = await createTestStore();
    // Route handlers open the process's store from DATABASE_URL.
    process.env.DATABASE_URL = store.url;
    auth = (await signedInHeaders(store, { role: 'supervisor' })).headers;
    for (const t of ['One', 'Two']) ids.push((await importNotebook(store.db, { file: `${t}.ipynb`, bytes: notebook(t), blobDir: store.blobDir })).notebookId!);
    api = {
      reproductions: await import('../../app/api/reproductions/route'),
      jobs: await import('../../app/api/jobs/route'),
      job: await import('../../app/api/jobs/[id]/route'),
      cancel: await import('../../app/api/jobs/[id]/cancel/route'),
      retry: await import('../../app/api/jobs/[id]/retry/route'),
      pause: await import('../../app/api/jobs/pause/route'),
      stats: await import('../../app/api/jobs/stats/route'),
      workers: await import('../../app/api/workers/route'),
      csv: await import('../../app/api/executions.csv/route'),
    };
  });
  afterAll(async () => {
    const { getDatabase } = await import('../../lib/db/client');
    if (store) await stopBoss(store.url);
    await (await getDatabase()).close();
    delete process.env.DATABASE_URL;
    await store?.close();
  });

  it('queues with the executor a live worker offers, containers first', async () => {
    await store.db.insert(workers).values([
      { id: 'h', host: 'a', pid: 1, concurrency: 1, executors: ['host'] },
      { id: 'c', host: 'b', pid: 2, concurrency: 1, executors: ['container'] },
    ]);
    const listed = await (await api.workers.GET(get(), undefined as never)).json();
    expect(listed.executors).toEqual(['container', 'host']);
    // A worker serving both queues offers both.
    await store.db.update(workers).set({ executors: ['container', 'host'] }).where(eq(workers.id, 'c'));
    await store.db.delete(workers).where(eq(workers.id, 'h'));
    expect((await (await api.workers.GET(get(), undefined as never)).json()).executors).toEqual(['container', 'host']);
    expect(listed.defaultExecutor).toBe('container');

    const res = await api.reproductions.POST(post({ notebookIds: [ids[0]] }), undefined as never);
    expect(res.status).toBe(200);
    expect((await res.json()).queued).toHaveLength(1);
    const hostRes = await api.reproductions.POST(post({ notebookIds: [ids[1]], executor: 'host' }), undefined as never);
    expect((await hostRes.json()).queued).toHaveLength(1);
    const page = await (await api.jobs.GET(get('?state=waiting'), undefined as never)).json();
    expect(page.items.map((j: { queue: string; notebookId: number }) => [j.notebookId, j.queue]).sort()).toEqual([
      [ids[0], 'reproduce-container'],
      [ids[1], 'reproduce-host'],
    ]);
  });

  it('answers 400 for a body that names no target and 404 for unknown notebooks and jobs', async () => {
    expect((await api.reproductions.POST(post({ executor: 'host' }), undefined as never)).status).toBe(400);
    expect((await api.reproductions.POST(post({ notebookIds: [999_999] }), undefined as never)).status).toBe(404);
    expect((await api.job.GET(get(), ctx('not-a-uuid'))).status).toBe(400);
    expect((await api.job.GET(get(), ctx('4b086323-f3d7-474a-bf19-1b0d0652489e'))).status).toBe(404);
  });

  it('refuses a coder who tries to start, pause, cancel or retry reproduction (403); reading is allowed', async () => {
    const coder = (await signedInHeaders(store, { role: 'coder' })).headers;
    expect((await api.reproductions.POST(post({ notebookIds: [ids[0]] }, coder), undefined as never)).status).toBe(403);
    expect((await api.pause.POST(post({ paused: true }, coder), undefined as never)).status).toBe(403);
    expect((await api.cancel.POST(post(undefined, coder), ctx('4b086323-f3d7-474a-bf19-1b0d0652489e'))).status).toBe(403);
    expect((await api.retry.POST(post(undefined, coder), ctx('4b086323-f3d7-474a-bf19-1b0d0652489e'))).status).toBe(403);
    expect((await api.stats.GET(new Request('http://localhost/x', { headers: coder }), undefined as never)).status).toBe(200);
  });

  it('pauses and resumes the queue, cancels and retries a job', async () => {
    expect(await (await api.pause.POST(post({ paused: true }), undefined as never)).json()).toEqual({ paused: true });
    expect((await (await api.stats.GET(get(), undefined as never)).json()).paused).toBe(true);
    await api.pause.POST(post({ paused: false }), undefined as never);
    const stats = await (await api.stats.GET(get(), undefined as never)).json();
    expect(stats).toMatchObject({ paused: false, waiting: 2, progress: { done: 0, total: 2 } });

    const { items } = await (await api.jobs.GET(get(), undefined as never)).json();
    const id = items[0].id as string;
    expect((await api.cancel.POST(post(), ctx(id))).status).toBe(200);
    expect((await (await api.job.GET(get(), ctx(id))).json()).state).toBe('cancelled');
    expect((await api.retry.POST(post(), ctx(id))).status).toBe(200);
    expect((await (await api.job.GET(get(), ctx(id))).json()).state).toBe('created');
  });

  it('exports executions as CSV with a header even when there are none', async () => {
    const res = await api.csv.GET(get(), undefined as never);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect((await res.text()).split('\r\n')[0]).toMatch(/^execution_id,job_id,notebook_id,/);
  });
});
