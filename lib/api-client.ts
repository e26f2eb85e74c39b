import type { ErrorBody } from './api/handler';

/** fetch + JSON, throwing the server's `{ error: { message } }` as an Error the UI can show. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  const body = await res.json().catch(() => null);
  if (res.status === 401 && typeof window !== 'undefined' && !window.location.pathname.startsWith('/sign-in')) {
    // The session ended (expired, signed out elsewhere, password reset): sign in again, then come back.
    window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }
  if (!res.ok) {
    const message = (body as ErrorBody | null)?.error?.message ?? `${res.status} ${res.statusText}`;
    throw new Error(message);
  }
  return body as T;
}

/** A query string from the defined values of an object. */
export function toQuery(params: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
