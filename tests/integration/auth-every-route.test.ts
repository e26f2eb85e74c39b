import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../helpers/db';

// Every API route answers 401 to a request without a session, except the few that must work before
// sign-in. Routes are found on disk, so a new route is covered the day it is added.
const API = path.resolve(__dirname, '../../app/api');
const PUBLIC = new Map([
  ['auth/[...all]', 'better-auth itself: sign-in, sign-up of the first account, sign-out'],
  ['auth/first-account', 'the sign-in page asks whether to offer creating the first (admin) account'],
  ['vendor/plotly', 'a static copy of plotly.js loaded by sandboxed (opaque-origin) frames, which send no cookie'],
  ['vendor/bokeh', 'a static copy of BokehJS loaded by sandboxed (opaque-origin) frames, which send no cookie'],
]);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === 'route.ts' ? [p] : [];
  });
}

const routes = routeFiles(API).map((file) => path.relative(API, path.dirname(file)).split(path.sep).join('/')).sort();

describe('every API route needs a session', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore();
    process.env.DATABASE_URL = store.url;
  });
  afterAll(async () => {
    const { closeAllDatabases } = await import('../../lib/db/client');
    await closeAllDatabases();
    await store?.close();
  });

  it('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes).toContain('studies');
    for (const r of PUBLIC.keys()) expect(routes).toContain(r);
  });

  it.each(routes.filter((r) => !PUBLIC.has(r)))('/api/%s answers 401 without a session', async (r) => {
    const mod = (await import(/* @vite-ignore */ path.join(API, r, 'route.ts'))) as Record<string, unknown>;
    const methods = METHODS.filter((m) => typeof mod[m] === 'function');
    expect(methods.length).toBeGreaterThan(0);
    // every dynamic segment gets a plausible value; a catch-all gets one element
    const params: Record<string, string | string[]> = {};
    for (const m of r.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) params[m[2]] = m[1] ? ['x'] : '1';
    const url = `http://localhost/api/${r.replace(/\[(\.\.\.)?[^\]]+\]/g, '1')}`;
    for (const method of methods) {
      const handler = mod[method] as (req: Request, ctx: unknown) => Promise<Response>;
      const body = method === 'GET' || method === 'DELETE' ? undefined : '{}';
      const res = await handler(new Request(url, { method, body, headers: { 'content-type': 'application/json' } }), { params: Promise.resolve(params) });
      expect({ method, status: res.status }).toEqual({ method, status: 401 });
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
  });
});
