import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors';
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
});
