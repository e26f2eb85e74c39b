import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
import { KaggleError } from '../kaggle/client/errors';
import { NotebookError } from '../notebooks/errors';
import { readJson, route } from './handler';

// Public routes: the error mapping and the Host/Origin guard come before and apart from sessions
// (sessions are tested against a real database in tests/integration/auth*.test.ts).
const echo = route(async (req: Request) => ({ got: z.object({ n: z.number() }).parse(await readJson(req)) }), { public: true });
const post = (headers: Record<string, string>, body = '{"n":1}') => echo(new Request('http://localhost:3000/api/x', { method: 'POST', headers, body }), undefined);

describe('route()', () => {
  it('answers JSON, and maps bad JSON, zod and AppError to the one error shape', async () => {
    expect(await (await post({ host: 'localhost:3000' })).json()).toEqual({ got: { n: 1 } });
    const bad = await post({ host: 'localhost:3000' }, '{"n":');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/not valid JSON/);
    const wrong = await post({ host: 'localhost:3000' }, '{"n":"x"}');
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/^n: /) });
    const missing = await route(
      async () => {
        throw new AppError('not_found', 'There is no notebook 9.');
      },
      { public: true },
    )(new Request('http://localhost/api/y'), undefined);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'There is no notebook 9.' } });
  });

  it('refuses other sites: a foreign Host (DNS rebinding) and cross-site changes', async () => {
    expect((await post({ host: 'evil.example:3000' })).status).toBe(403);
    expect((await post({ host: 'localhost:3000', origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ host: 'localhost:3000', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('refuses a malformed Origin with 403, not a 500', async () => {
    const res = await post({ host: 'localhost:3000', origin: '::::' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('forbidden');
  });

  it("maps domain errors that know what went wrong to a status and their own message", async () => {
    const throwing = (e: Error) => route(async () => { throw e; }, { public: true })(new Request('http://localhost/api/z'), undefined);
    const cases: Array<[Error, number, RegExp]> = [
      [new KaggleError('http', 'could not reach https://www.kaggle.com/api/v1 for kernels (ENOTFOUND): check the network or KAGGLE_API_BASE_URL'), 502, /check the network/],
      [new KaggleError('timeout', 'Kaggle did not answer kernels in 30 s: retry later'), 504, /retry later/],
      [new KaggleError('auth', 'Kaggle refused kernels with 401: check your Kaggle credentials', 401), 502, /credentials/],
      [new KaggleError('http', 'Kaggle rate-limited kernels (429): retry later', 429), 429, /rate-limited/],
      [new KaggleError('not_found', 'Kaggle has no kernel a/b (404)', 404), 404, /no kernel/],
      [new NotebookError('base64', 'invalid base64', 'cell 3 output 1 image/png'), 400, /invalid base64 \(cell 3 output 1/],
    ];
    for (const [error, status, message] of cases) {
      const res = await throwing(error);
      expect(res.status, error.message).toBe(status);
      expect((await res.json()).error.message).toMatch(message);
    }
  });
});
