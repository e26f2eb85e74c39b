import { describe, expect, it } from 'vitest';
import { createSemaphore } from './semaphore';

describe('createSemaphore', () => {
  it('admits at most `limit` holders and serves waiters in order', async () => {
    const sem = createSemaphore(2);
    const order: number[] = [];
    let active = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 6 }, async (_, i) => {
        const release = await sem.acquire();
        order.push(i);
        peak = Math.max(peak, ++active);
        await new Promise((r) => setTimeout(r, 5));
        active--;
        release();
      }),
    );
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(sem.active).toBe(0);
  });

  it('ignores a second release of the same slot', async () => {
    const sem = createSemaphore(1);
    const release = await sem.acquire();
    release();
    release();
    await sem.acquire();
    expect(sem.active).toBe(1);
    const pending = sem.acquire();
    expect(sem.waiting).toBe(1);
    void pending;
  });

  it('rejects a silly limit', () => {
    expect(() => createSemaphore(0)).toThrow(RangeError);
  });
});
