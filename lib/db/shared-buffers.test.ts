import { describe, expect, it } from 'vitest';
import { sharedBuffers } from './embedded';

const GB = 2 ** 30;

describe('the embedded PostgreSQL cache size', () => {
  it('is an eighth of memory, at least 128 MB and at most 2 GB', () => {
    expect(sharedBuffers({}, 8 * GB)).toBe('1024MB');
    expect(sharedBuffers({}, 0.5 * GB)).toBe('128MB');
    expect(sharedBuffers({}, 24 * GB)).toBe('2048MB');
  });

  it('takes VIZMINE_PG_SHARED_BUFFERS as set, and refuses what PostgreSQL would not start with', () => {
    expect(sharedBuffers({ VIZMINE_PG_SHARED_BUFFERS: '4GB' }, 8 * GB)).toBe('4GB');
    expect(() => sharedBuffers({ VIZMINE_PG_SHARED_BUFFERS: 'lots' }, 8 * GB)).toThrow(/must be a size such as 512MB or 4GB, not "lots"/);
  });
});
