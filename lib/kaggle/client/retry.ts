/** Backoff arithmetic, kept apart from the HTTP code so it can be unit-tested without a server. */

const MAX_BACKOFF_MS = 60_000;

/**
 * Exponential backoff with full jitter (a uniform wait in [0, base·2^attempt]): clients that failed together
 * do not retry together.
 */
export function backoffDelay(attempt: number, baseDelayMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * Retry-After as milliseconds: delta-seconds (fractions tolerated) or an HTTP date. Undefined when absent or
 * unreadable, so the caller falls back to its own backoff.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
