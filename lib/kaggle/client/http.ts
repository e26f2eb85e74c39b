import { authorizationHeader, readCredentials, type Credentials } from './credentials';
import { errorForStatus, isRetryableStatus, KaggleError } from './errors';
import { readErrorBody, responseError } from './response';
import { backoffDelay, parseRetryAfter, sleep } from './retry';
import { createSemaphore } from './semaphore';

export interface KaggleClientOptions {
  baseUrl?: string; // default $KAGGLE_API_BASE_URL, else https://api.kaggle.com
  credentials?: Credentials | null; // undefined: readCredentials(); null: send no Authorization
  concurrency?: number; // requests in flight at once, default 4
  maxRequests?: number; // global budget over the client's life, retries included
  timeoutMs?: number; // per attempt, default 30 000
  retries?: number; // extra attempts after the first, default 5
  baseDelayMs?: number; // backoff base, default 500
  fetch?: typeof fetch;
}

export interface KaggleClientStats {
  requests: number; // HTTP requests sent, retries included
  retries: number;
}

export interface KaggleClient {
  readonly baseUrl: string;
  /** POST /v1/<service>/<method> with a JSON body; resolves to the parsed JSON answer. */
  call<T>(service: string, method: string, body: object): Promise<T>;
  /** The same POST, answering the raw response with redirects NOT followed (download RPCs answer 302). */
  callRaw(service: string, method: string, body: object): Promise<Response>;
  /** GET a file URL (session outputs, download redirects); the caller reads the body. */
  get(url: string): Promise<Response>;
  stats(): KaggleClientStats;
}

type Outcome<R> = { value: R } | { retry: KaggleError; retryAfterMs?: number };

export function createKaggleClient(opts: KaggleClientOptions = {}): KaggleClient {
  const baseUrl = (opts.baseUrl ?? process.env.KAGGLE_API_BASE_URL ?? 'https://api.kaggle.com').replace(/\/+$/, '');
  const origin = new URL(baseUrl).origin;
  const credentials = opts.credentials === undefined ? readCredentials() : opts.credentials;
  const auth = credentials ? authorizationHeader(credentials) : undefined;
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const retries = opts.retries ?? 5;
  const baseDelayMs = opts.baseDelayMs ?? 500;
  const slots = createSemaphore(opts.concurrency ?? 4);
  const stats: KaggleClientStats = { requests: 0, retries: 0 };

  /**
   * One logical request: attempts until `finish` yields a value, a non-retryable error, or retries run out.
   * The slot is held only while an attempt is on the wire, never while backing off, so one throttled call
   * does not starve the others. `bodyInTimeout` decides whether the timeout also covers reading the body:
   * yes for RPC answers (small JSON), no for file downloads (a large file may rightly take minutes).
   */
  async function send<R>(what: string, url: string, init: RequestInit, bodyInTimeout: boolean, finish: (res: Response) => Promise<Outcome<R>>): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      const release = await slots.acquire();
      // Checked once the slot is ours: callers queued behind the limiter must not all slip past the budget.
      if (opts.maxRequests !== undefined && stats.requests >= opts.maxRequests) {
        release();
        throw new KaggleError('budget', `Kaggle request budget of ${opts.maxRequests} used up before ${what}: raise maxRequests or narrow the query`);
      }
      let outcome: Outcome<R>;
      // Downloads get a timer we can stop once headers arrive; RPCs keep the timeout over the body too.
      const headersOnly = bodyInTimeout ? undefined : new AbortController();
      const timer = headersOnly && setTimeout(() => headersOnly.abort(new DOMException('timed out', 'TimeoutError')), timeoutMs);
      try {
        stats.requests++;
        const res = await doFetch(url, { ...init, signal: headersOnly?.signal ?? AbortSignal.timeout(timeoutMs) });
        clearTimeout(timer);
        outcome = await finish(res);
      } catch (err) {
        if (err instanceof KaggleError) throw err;
        outcome = { retry: transportError(what, url, err) };
      } finally {
        clearTimeout(timer);
        release();
      }
      if ('value' in outcome) return outcome.value;
      if (attempt >= retries) throw outcome.retry;
      stats.retries++;
      // Retry-After is Kaggle's own pacing, so it is honoured as given (not capped, not jittered).
      await sleep(outcome.retryAfterMs ?? backoffDelay(attempt, baseDelayMs));
    }
  }

  function rpcInit(body: object, redirect: RequestRedirect): RequestInit {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
    if (auth) headers.Authorization = auth;
    // Kaggle omits null fields; sending them could clear server-side defaults.
    return { method: 'POST', headers, body: JSON.stringify(body, (_k, v: unknown) => (v === null ? undefined : v)), redirect };
  }

  async function failIfError(res: Response, what: string): Promise<Outcome<Response> | undefined> {
    if (res.status < 400) return undefined;
    const detail = await readErrorBody(res);
    const err = errorForStatus(res.status, what, detail);
    if (!isRetryableStatus(res.status)) throw err;
    return { retry: err, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) };
  }

  return {
    baseUrl,
    call<T>(service: string, method: string, body: object): Promise<T> {
      const what = `${service}/${method}`;
      return send(what, `${baseUrl}/v1/${service}/${method}`, rpcInit(body, 'follow'), true, async (res) => {
        const failed = await failIfError(res, what);
        if (failed) return failed as Outcome<T>;
        const text = await res.text();
        let parsed: unknown;
        try {
          parsed = text.trim() === '' ? {} : JSON.parse(text);
        } catch {
          throw new KaggleError('bad_response', `Kaggle answered ${what} with non-JSON (${text.slice(0, 80)}…): is KAGGLE_API_BASE_URL pointing at the API?`, res.status);
        }
        // Kaggle sometimes reports errors inside a 200: {"code": 4xx/5xx, "message"} or {"error": {"code"}}.
        const inner = responseError(parsed);
        if (inner) {
          const err = errorForStatus(inner.code, what, inner.message);
          if (!isRetryableStatus(inner.code)) throw err;
          return { retry: err, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) };
        }
        return { value: parsed as T };
      });
    },
    callRaw(service: string, method: string, body: object): Promise<Response> {
      const what = `${service}/${method}`;
      return send(what, `${baseUrl}/v1/${service}/${method}`, rpcInit(body, 'manual'), false, async (res) => (await failIfError(res, what)) ?? { value: res });
    },
    get(url: string): Promise<Response> {
      const target = new URL(url, baseUrl);
      // Credentials go only to the API's own origin; signed storage URLs must not receive them.
      const headers: Record<string, string> = {};
      if (auth && target.origin === origin) headers.Authorization = auth;
      const what = `download of ${target.pathname}`;
      return send(what, target.href, { method: 'GET', headers }, false, async (res) => (await failIfError(res, what)) ?? { value: res });
    },
    stats: () => ({ ...stats }),
  };
}

function transportError(what: string, url: string, err: unknown): KaggleError {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new KaggleError('timeout', `Kaggle did not answer ${what} in time: retry later or raise timeoutMs`, undefined, { cause: err });
  }
  const reason = (err as { cause?: { message?: string } })?.cause?.message ?? (err as Error)?.message ?? String(err);
  return new KaggleError('http', `could not reach ${url} for ${what} (${reason}): check the network or KAGGLE_API_BASE_URL`, undefined, { cause: err });
}
