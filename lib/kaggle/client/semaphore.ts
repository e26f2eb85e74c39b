/**
 * A counting semaphore: at most `limit` holders at once, waiters served first come first served.
 * Kaggle publishes no rate limits, so bounding parallel requests is our main courtesy towards it.
 */
export interface Semaphore {
  acquire(): Promise<() => void>;
  readonly active: number;
  readonly waiting: number;
}

export function createSemaphore(limit: number): Semaphore {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency must be a positive integer, got ${limit}`);
  let active = 0;
  const queue: (() => void)[] = [];

  const release = () => {
    const next = queue.shift();
    // Hand the slot straight to the next waiter so a newcomer cannot overtake it.
    if (next) next();
    else active--;
  };

  return {
    acquire() {
      let released = false;
      const once = () => {
        if (!released) (released = true), release();
      };
      if (active < limit) {
        active++;
        return Promise.resolve(once);
      }
      return new Promise((resolve) => queue.push(() => resolve(once)));
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
