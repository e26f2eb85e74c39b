import { reproduceNotebook } from '../../execute/reproduce-notebook';
import type { ExecutorKind } from '../../db/schema/reproduction';
import { REPRODUCE_QUEUES, REPRODUCE_RETRY } from '../boss';
import { defineJob } from '../definition';
import { enqueueAfterImport } from '../enqueue';
import { reproducePayloadSchema } from '../reproduce-payload';
import { configHash } from '../../execute/config';
import { singletonKey } from '../reproduce-payload';

// Reproduction: one queue per executor, so a worker only takes jobs it can run. They share one pause
// switch ('reproduce'). The job's expiry is set when it is sent (the configuration's total timeout).
function reproduceOn(executor: ExecutorKind) {
  return defineJob({
    name: REPRODUCE_QUEUES[executor],
    options: { ...REPRODUCE_RETRY, expireInSeconds: 15 * 60, policy: 'stately' },
    payload: reproducePayloadSchema,
    singletonKey: (p) => singletonKey(p, configHash(p.config)),
    notebookId: (p) => p.notebookId,
    executor,
    pauseKey: 'reproduce',
    async handler(ctx, payload) {
      if (!ctx.executor) throw new Error(`no ${executor} executor on this worker`);
      const execution = await reproduceNotebook(
        { db: ctx.store.db, blobDir: ctx.blobDir, dataDir: ctx.store.dataDir, executor: ctx.executor, workerId: ctx.workerId, jobId: ctx.jobId, signal: ctx.signal, onLog: ctx.onLog, retryInfrastructure: !ctx.finalAttempt },
        payload,
      );
      if (!execution) return null;
      // The executed notebook is a notebook like any other: analysed, its figures thumbnailed.
      if (execution.executedNotebookId) await enqueueAfterImport(ctx.store, [execution.executedNotebookId]);
      return { executionId: execution.id, status: execution.status, exceptionType: execution.exceptionType, seconds: execution.seconds };
    },
  });
}

export const reproduceHost = reproduceOn('host');
export const reproduceContainer = reproduceOn('container');
