import { describe, expect, it } from 'vitest';
import { sharedBuffers } from './embedded';

const GB = 2 ** 30;

describe('the embedded PostgreSQL cache size', () => {
  it('is an eighth of memory, at least 128 MB and at most 2 GB', () => {
    expect(sharedBuffers({}, 8 * GB)).toBe('1024MB');
    expect(sharedBuffers({}, 0.5 * GB)).toBe('128MB');
    expect(sharedBuffers({}, 24 * GB)).toBe('2048MB');
  });

  it('takes VIZMINE_PG_SHARED_BUFFERS as set, and refuses what is not a size of at least 16 MB', () => {
    expect(sharedBuffers({ VIZMINE_PG_SHARED_BUFFERS: '4GB' }, 8 * GB)).toBe('4GB');
    expect(sharedBuffers({ VIZMINE_PG_SHARED_BUFFERS: '1TB' }, 8 * GB)).toBe('1TB');
    expect(sharedBuffers({ VIZMINE_PG_SHARED_BUFFERS: '16384kB' }, 8 * GB)).toBe('16384kB');
    for (const bad of ['lots', '4 GB', '0MB', '64kB', '8MB']) {
      expect(() => sharedBuffers({ VIZMINE_PG_SHARED_BUFFERS: bad }, 8 * GB)).toThrow(`must be a size of at least 16MB, such as 512MB or 4GB, not "${bad}"`);
    }
  });
});
