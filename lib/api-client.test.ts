import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, fetchJson } from './api-client';

describe('fetchJson', () => {
  let server: http.Server;
  let base = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const status = Number(req.url!.slice(1));
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status < 400 ? { ok: true } : { error: { code: 'x', message: `refused with ${status}` } }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('throws the server message with its status; a refusal is permanent, a timeout, rate limit or 5xx is not', async () => {
    expect(await fetchJson(`${base}/200`)).toEqual({ ok: true });
    const outcome = async (status: number) => {
      const e = await fetchJson(`${base}/${status}`).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).message).toBe(`refused with ${status}`);
      return (e as ApiError).permanent;
    };
    expect(await outcome(409)).toBe(true);
    expect(await outcome(400)).toBe(true);
    expect(await outcome(408)).toBe(false);
    expect(await outcome(429)).toBe(false);
    expect(await outcome(503)).toBe(false);
  });
});
