import type { ErrorBody } from './api/handler';

/** An error answer from our API: the server's message, and its status (4xx: retrying will not help). */
export class ApiError extends Error {
  constructor(
    message: string,
    public readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** A refusal that will not change by trying again (bad input, conflict, gone) — not a timeout or rate limit. */
  get permanent(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

/** fetch + JSON, throwing the server's `{ error: { message } }` as an ApiError the UI can show. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = await res.json().catch(() => null);
  if (res.status === 401 && typeof window !== 'undefined' && !window.location.pathname.startsWith('/sign-in')) {
    // The session ended (expired, signed out elsewhere, password reset): sign in again, then come back.
    window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  if (!res.ok) {
    const message = (body as ErrorBody | null)?.error?.message ?? `${res.status} ${res.statusText}`;
    throw new ApiError(message, res.status);
  }
  return body as T;
}

/** A request with a JSON body (or none), for fetchJson. */
export function jsonBody(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body?: unknown): RequestInit {
  return body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

/** A query string from the defined values of an object. */
export function toQuery(params: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => q.append(k, String(x))); // a multi-valued filter: a repeated key
    else if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
