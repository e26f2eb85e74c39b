// Failed sign-ins are limited per account and per client address, never in one shared bucket (which
// let anyone lock every user out). The client address is known only behind a proxy we are told to
// trust (VIZMINE_TRUST_PROXY=1: its X-Forwarded-For); otherwise the header is the client's own word,
// and vizmine listens on loopback by default anyway, where every browser is 127.0.0.1.

export const ACCOUNT_LIMIT = { failures: 10, windowMs: 15 * 60_000 };
export const ADDRESS_LIMIT = { failures: 50, windowMs: 15 * 60_000 };

type Bucket = { failures: number[] };

export class SignInLimiter {
  private buckets = new Map<string, Bucket>();
  constructor(private now: () => number = Date.now) {}

  /** Seconds until the caller may try again, or 0 when a try is allowed now. */
  retryAfter(keys: SignInKeys): number {
    let wait = 0;
    for (const [key, limit] of this.limited(keys)) {
      const recent = this.recent(key, limit.windowMs);
      if (recent.length >= limit.failures) wait = Math.max(wait, Math.ceil((recent[0] + limit.windowMs - this.now()) / 1000));
    }
    return wait;
  }

  failed(keys: SignInKeys): void {
    for (const [key, limit] of this.limited(keys)) {
      const recent = this.recent(key, limit.windowMs);
      recent.push(this.now());
      this.buckets.set(key, { failures: recent });
    }
  }

  /** A right password clears the account's failures (not the address's: one person may guess many accounts). */
  succeeded(keys: SignInKeys): void {
    this.buckets.delete(`account:${keys.account}`);
  }

  private limited(keys: SignInKeys): Array<[string, typeof ACCOUNT_LIMIT]> {
    const out: Array<[string, typeof ACCOUNT_LIMIT]> = [[`account:${keys.account}`, ACCOUNT_LIMIT]];
    if (keys.address) out.push([`address:${keys.address}`, ADDRESS_LIMIT]);
    return out;
  }

  private recent(key: string, windowMs: number): number[] {
    const since = this.now() - windowMs;
    return (this.buckets.get(key)?.failures ?? []).filter((t) => t > since);
  }
}

export interface SignInKeys {
  account: string;
  address: string | null;
}

export function trustProxy(): boolean {
  return /^(1|true|yes)$/i.test(process.env.VIZMINE_TRUST_PROXY ?? '');
}

/** The client's address as a trusted proxy reports it (the first X-Forwarded-For entry), else null. */
export function clientAddress(headers: Headers): string | null {
  if (!trustProxy()) return null;
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip')?.trim() || null;
}
