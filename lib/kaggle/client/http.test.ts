import { describe, expect, it } from 'vitest';
import { KaggleError } from './errors';
import { createKaggleClient } from './http';

type Seen = { url: string; init: RequestInit };
/** A fetch answering from a list of responses (or errors), recording what it was asked. */
function fakeFetch(answers: (Response | Error)[]) {
  const seen: Seen[] = [];
  const fn = (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(url), init: init ?? {} });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    if (next instanceof Error) throw next;
    return next;
  }) as typeof fetch;
  return { fn, seen };
}
const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('createKaggleClient', () => {
  it('POSTs camelCase JSON without null fields to /v1/<service>/<method>', async () => {
    const { fn, seen } = fakeFetch([json({ ok: true })]);
    const client = createKaggleClient({ baseUrl: 'https://example.test/', credentials: { kind: 'bearer', token: 't' }, fetch: fn });
    expect(await client.call('kernels.KernelsApiService', 'ListKernels', { search: 'eda', user: null, page: undefined })).toEqual({ ok: true });
    expect(seen[0].url).toBe('https://example.test/v1/kernels.KernelsApiService/ListKernels');
    expect(seen[0].init.method).toBe('POST');
    expect(seen[0].init.body).toBe('{"search":"eda"}');
    expect(seen[0].init.headers).toMatchObject({ 'Content-Type': 'application/json', Authorization: 'Bearer t' });
  });

  it('calls a non-JSON 200 a bad response and does not retry it', async () => {
    const { fn, seen } = fakeFetch([new Response('<html>login</html>', { status: 200 })]);
    const client = createKaggleClient({ baseUrl: 'https://example.test', credentials: null, fetch: fn });
    const err = await client.call('s', 'M', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KaggleError);
    expect((err as KaggleError).code).toBe('bad_response');
    expect(seen).toHaveLength(1);
  });

  it('retries network errors, then reports them with the URL', async () => {
    const down = Object.assign(new TypeError('fetch failed'), { cause: new Error('connect ECONNREFUSED') });
    const { fn, seen } = fakeFetch([down, down, down]);
    const client = createKaggleClient({ baseUrl: 'https://example.test', credentials: null, fetch: fn, retries: 2, baseDelayMs: 1 });
    const err = (await client.call('s', 'M', {}).catch((e: unknown) => e)) as KaggleError;
    expect(err.code).toBe('http');
    expect(err.message).toContain('ECONNREFUSED');
    expect(err.message).toContain('KAGGLE_API_BASE_URL');
    expect(seen).toHaveLength(3);
    expect(client.stats()).toEqual({ requests: 3, retries: 2 });
  });

  it('waits for Retry-After rather than its own backoff', async () => {
    const { fn } = fakeFetch([json({ code: 429, message: 'slow down' }, 429, { 'Retry-After': '0.2' }), json({ ok: 1 })]);
    const client = createKaggleClient({ baseUrl: 'https://example.test', credentials: null, fetch: fn, baseDelayMs: 1 });
    const started = Date.now();
    await client.call('s', 'M', {});
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('sends credentials on GETs to the API origin only', async () => {
    const { fn, seen } = fakeFetch([new Response('a'), new Response('b')]);
    const client = createKaggleClient({ baseUrl: 'https://api.example.test', credentials: { kind: 'bearer', token: 't' }, fetch: fn });
    await client.get('https://api.example.test/files/x');
    await client.get('https://storage.example.test/signed/x?sig=1');
    expect(seen[0].init.headers).toEqual({ Authorization: 'Bearer t' });
    expect(seen[1].init.headers).toEqual({});
  });

  it('explains 403 as a credentials problem', async () => {
    const { fn } = fakeFetch([json({ code: 403, message: 'Permission denied' }, 403)]);
    const client = createKaggleClient({ baseUrl: 'https://example.test', credentials: null, fetch: fn });
    const err = (await client.call('s', 'M', {}).catch((e: unknown) => e)) as KaggleError;
    expect([err.code, err.status]).toEqual(['auth', 403]);
    expect(err.message).toMatch(/Permission denied.*check your Kaggle credentials/);
  });
});

describe('the request budget', () => {
  it('holds when many calls wait behind the limiter', async () => {
    const { fn, seen } = fakeFetch(Array.from({ length: 10 }, () => json({ ok: 1 })));
    const client = createKaggleClient({ baseUrl: 'https://example.test', credentials: null, fetch: fn, concurrency: 2, maxRequests: 3 });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => client.call('s', 'M', {})));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as KaggleError).code)).toEqual(['budget', 'budget', 'budget']);
    expect(seen).toHaveLength(3);
  });
});
