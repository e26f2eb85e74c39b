import PgBoss from 'pg-boss';
import type { ExecutorKind } from '../db/schema/reproduction';

// pg-boss on the app's own PostgreSQL (schema `pgboss`): no second queue service.
// One queue per executor, so a worker only takes jobs it can run (a machine without Podman serves
// only the host queue). Monitoring reads both: `name like 'reproduce-%'`.
export const REPRODUCE_QUEUES = { container: 'reproduce-container', host: 'reproduce-host' } as const satisfies Record<ExecutorKind, string>;
export const REPRODUCE_QUEUE_NAMES: string[] = Object.values(REPRODUCE_QUEUES);
export function reproduceQueue(executor: ExecutorKind): string {
  return REPRODUCE_QUEUES[executor];
}

/** Retries with backoff; a job not finished within its expiry goes back to the queue. */
export const REPRODUCE_RETRY = { retryLimit: 2, retryDelay: 5, retryBackoff: true } as const;

const started = new Map<string, Promise<PgBoss>>();

/**
 * The pg-boss instance for a database URL (one per process and database; the first caller decides
 * whether it supervises). It creates its schema on
 * first start (under its own advisory lock, so several processes may start at once) and the
 * reproduce queues with the `stately` policy: per singleton key at most one job waiting and one
 * running, so the same (notebook, executor configuration) is never reproduced twice at once.
 */
export function getBoss(url: string, opts: { supervise?: boolean } = {}): Promise<PgBoss> {
  let boss = started.get(url);
  if (!boss) {
    boss = startBoss(url, opts.supervise ?? false);
    started.set(url, boss);
    boss.catch(() => started.delete(url));
  }
  return boss;
}

async function startBoss(url: string, supervise: boolean): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    max: 3,
    // Only workers supervise (expire, archive); web and CLI processes just send and read.
    supervise,
    schedule: false,
    maintenanceIntervalSeconds: 30,
  });
  boss.on('error', (e) => console.error('pg-boss:', e.message));
  await boss.start();
  for (const name of REPRODUCE_QUEUE_NAMES) {
    for (let attempt = 0; !(await boss.getQueue(name)); attempt++) {
      try {
        await boss.createQueue(name, { name, policy: 'stately', ...REPRODUCE_RETRY });
      } catch (e) {
        // Another process created it meanwhile, or creating other queues deadlocked with us: retry.
        if (attempt >= 5 || !/deadlock/i.test((e as Error).message)) {
          if (!(await boss.getQueue(name))) throw e;
        }
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
      }
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
