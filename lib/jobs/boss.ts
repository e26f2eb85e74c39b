import PgBoss from 'pg-boss';

// pg-boss on the app's own PostgreSQL (schema `pgboss`): no second queue service.
export const REPRODUCE_QUEUE = 'reproduce';

/** Retries with backoff; a job not finished within its expiry goes back to the queue. */
export const REPRODUCE_RETRY = { retryLimit: 2, retryDelay: 5, retryBackoff: true } as const;

const started = new Map<string, Promise<PgBoss>>();

/**
 * The pg-boss instance for a database URL (one per process and database). It creates its schema on
 * first start (under its own advisory lock, so several processes may start at once) and the
 * `reproduce` queue with the `stately` policy: per singleton key at most one job waiting and one
 * running, so the same (notebook, executor configuration) is never reproduced twice at once.
 */
export function getBoss(url: string): Promise<PgBoss> {
  let boss = started.get(url);
  if (!boss) {
    boss = startBoss(url);
    started.set(url, boss);
    boss.catch(() => started.delete(url));
  }
  return boss;
}

async function startBoss(url: string): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: 3,
    // Only workers supervise (expire, archive); web and CLI processes just send and read.
    supervise: process.env.VIZMINE_BOSS_SUPERVISE === '1',
    schedule: false,
    maintenanceIntervalSeconds: 30,
  });
  boss.on('error', (e) => console.error('pg-boss:', e.message));
  await boss.start();
  if (!(await boss.getQueue(REPRODUCE_QUEUE))) {
    try {
      await boss.createQueue(REPRODUCE_QUEUE, { name: REPRODUCE_QUEUE, policy: 'stately', ...REPRODUCE_RETRY });
    } catch (e) {
      if (!(await boss.getQueue(REPRODUCE_QUEUE))) throw e; // another process created it meanwhile
    }
  }
  return boss;
}

/** Stops the process's pg-boss for `url`. */
export async function stopBoss(url: string): Promise<void> {
  const boss = started.get(url);
  if (!boss) return;
  started.delete(url);
  await (await boss).stop({ graceful: true, wait: true, timeout: 10_000 });
}
