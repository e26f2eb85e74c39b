import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from './retry';

describe('backoffDelay', () => {
  it('draws uniformly below base·2^attempt (full jitter)', () => {
    expect(backoffDelay(0, 500, () => 0)).toBe(0);
    expect(backoffDelay(0, 500, () => 0.999)).toBe(499);
    expect(backoffDelay(3, 500, () => 0.5)).toBe(2000);
  });

  it('caps the ceiling at a minute', () => {
    expect(backoffDelay(30, 500, () => 0.999)).toBe(59_940);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('1')).toBe(1000);
    expect(parseRetryAfter(' 120 ')).toBe(120_000);
    expect(parseRetryAfter('0.25')).toBe(250);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});
