// A strategy preview with no Kaggle credentials says so at once, with how to fix it — not a 500 after
// a 10 s wait. And when Kaggle cannot be reached, the client's own advice reaches the page with a 502.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../helpers/db';
import { signedInHeaders } from '../helpers/api-auth';
import { createStrategy } from '../../lib/kaggle/strategies';

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const KEYS = ['KAGGLE_API_TOKEN', 'KAGGLE_USERNAME', 'KAGGLE_KEY', 'KAGGLE_CONFIG_DIR', 'KAGGLE_API_BASE_URL', 'HOME'] as const;

describe('strategy preview errors', () => {
  let store: TestStore;
  let headers: Headers;
  let preview: Handler;
  let id: number;
  const saved: Record<string, string | undefined> = {};
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'vizmine-nohome-'));

  beforeAll(async () => {
    for (const k of KEYS) (saved[k] = process.env[k]), delete process.env[k];
    process.env.HOME = home; // no ~/.kaggle of the developer's
    store = await createTestStore();
    process.env.DATABASE_URL = store.url;
    headers = (await signedInHeaders(store, { role: 'supervisor' })).headers;
    id = (await createStrategy(store.db, { name: 'Titanic top 10', filters: { competitions: ['titanic'] }, sampling: { kind: 'top-k', k: 10 } } as never)).id;
    preview = (await import('../../app/api/strategies/[id]/preview/route')).POST as Handler;
  });
  afterAll(async () => {
    for (const k of KEYS) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
    await store?.close();
  });

  const call = (body: unknown) =>
    preview(new Request(`http://localhost/api/strategies/${id}/preview`, { method: 'POST', headers: { ...Object.fromEntries(headers), 'content-type': 'application/json' }, body: JSON.stringify(body) }), {
      params: Promise.resolve({ id: String(id) }),
    });

  it('names the missing credentials and where to add them, at once', async () => {
    const started = Date.now();
    const res = await call({ source: 'api' });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.message).toMatch(/No Kaggle credentials are configured/);
    expect(error.message).toMatch(/Settings/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("passes the client's advice on when Kaggle cannot be reached (502, not 500)", async () => {
    process.env.KAGGLE_API_TOKEN = 'test-token';
    process.env.KAGGLE_API_BASE_URL = 'http://127.0.0.1:9'; // the discard port: nothing listens
    try {
      const res = await call({ source: 'api' });
      expect(res.status).toBe(502);
      expect((await res.json()).error.message).toMatch(/could not reach .* check the network/);
    } finally {
      delete process.env.KAGGLE_API_TOKEN;
      delete process.env.KAGGLE_API_BASE_URL;
    }
  });
});
