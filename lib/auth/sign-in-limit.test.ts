import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, SignInLimiter, clientAddress } from './sign-in-limit';

describe('SignInLimiter', () => {
  it('limits failures per account, whatever address they claim, and lets other accounts in', () => {
    let t = 0;
    const limiter = new SignInLimiter(() => t);
    for (let i = 0; i < ACCOUNT_LIMIT.failures; i++) {
      expect(limiter.retryAfter({ account: 'ann', address: null })).toBe(0);
      limiter.failed({ account: 'ann', address: null });
    }
    expect(limiter.retryAfter({ account: 'ann', address: null })).toBe(ACCOUNT_LIMIT.windowMs / 1000);
    expect(limiter.retryAfter({ account: 'bob', address: null })).toBe(0);
    t += ACCOUNT_LIMIT.windowMs + 1;
    expect(limiter.retryAfter({ account: 'ann', address: null })).toBe(0);
  });

  it('limits one address guessing many accounts, and a right password clears only the account', () => {
    const limiter = new SignInLimiter(() => 0);
    for (let i = 0; i < ADDRESS_LIMIT.failures; i++) limiter.failed({ account: `user${i}`, address: '10.0.0.9' });
    expect(limiter.retryAfter({ account: 'new', address: '10.0.0.9' })).toBeGreaterThan(0);
    expect(limiter.retryAfter({ account: 'new', address: '10.0.0.10' })).toBe(0);
    limiter.succeeded({ account: 'user1', address: '10.0.0.9' });
    expect(limiter.retryAfter({ account: 'user1', address: '10.0.0.9' })).toBeGreaterThan(0);
  });
});

describe('clientAddress', () => {
  afterEach(() => delete process.env.VIZMINE_TRUST_PROXY);
  it('ignores X-Forwarded-For unless told to trust a proxy', () => {
    const headers = new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' });
    expect(clientAddress(headers)).toBeNull();
    process.env.VIZMINE_TRUST_PROXY = '1';
    expect(clientAddress(headers)).toBe('203.0.113.7');
  });
});
