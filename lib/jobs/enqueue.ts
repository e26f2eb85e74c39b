import { and, eq, isNotNull } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Database } from '../db/client';
import { runItems } from '../db/schema';
import { getBoss } from './boss';
import type { JobDefinition } from './definition';
import { analyse } from './definitions/analyse';
import { derivatives } from './definitions/derivatives';

const created = new WeakMap<PgBoss, Set<string>>();

/** Creates a definition's queue with its options unless it exists (several processes may race). */
export async function ensureQueue(boss: PgBoss, def: JobDefinition<never> | JobDefinition<any>): Promise<void> {
  const done = created.get(boss) ?? new Set<string>();
  created.set(boss, done);
  if (done.has(def.name)) return;
  // Two processes creating different queues at once can deadlock in pg-boss's DDL: the loser retries.
  for (let attempt = 0; !(await boss.getQueue(def.name)); attempt++) {
    try {
      await boss.createQueue(def.name, { name: def.name, ...def.options });
    } catch (e) {
      if (attempt >= 5 || !/deadlock/i.test((e as Error).message)) {
        if (!(await boss.getQueue(def.name))) throw e;
      }
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 400));
    }
  }
  done.add(def.name);
}

/** Sends one job; null when the same singleton key is already waiting (or running, stately). */
export async function enqueueJob<P>(store: Pick<Database, 'url'>, def: JobDefinition<P>, payload: P): Promise<string | null> {
  const data = def.payload.parse(payload);
  const boss = await getBoss(store.url);
  await ensureQueue(boss, def);
  const { retryLimit, retryDelay, retryBackoff, expireInSeconds } = def.options;
  return boss.send(def.name, data as object, { singletonKey: def.singletonKey(data), retryLimit, retryDelay, retryBackoff, expireInSeconds });
}

/**
 * After an import: analyse each new notebook and compute the thumbnails of its images. Never
 * fails the import that called it (the jobs can be queued again by a re-analysis or a worker start).
 */
export async function enqueueAfterImport(store: Pick<Database, 'url'>, notebookIds: number[], log: (m: string) => void = console.error): Promise<void> {
  try {
    for (const notebookId of notebookIds) await enqueueJob(store, analyse, { notebookId });
    await enqueueJob(store, derivatives, {});
  } catch (e) {
    log(`could not queue analysis of ${notebookIds.length} notebooks: ${(e as Error).message}`);
  }
}

/** enqueueAfterImport for what one collection run imported. */
export async function enqueueAfterRun(store: Pick<Database, 'db' | 'url'>, runId: number, log?: (m: string) => void): Promise<void> {
  const items = await store.db
    .selectDistinct({ id: runItems.notebookId })
    .from(runItems)
    .where(and(eq(runItems.runId, runId), isNotNull(runItems.notebookId)));
  if (items.length) await enqueueAfterImport(store, items.map((i) => i.id!), log);
}
