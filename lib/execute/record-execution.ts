import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { rawSql } from '../db/client';
import { executions, figureMatches, notebooks } from '../db/schema';
import type { Execution } from '../db/schema/reproduction';
import { importNotebook } from '../ingest/import-notebook';
import { matchFigures } from './match-figures';
import type { StaticFlags } from './static-flags';
import type { ExecutionResult, Executor } from './types';

export interface ExecutionRecord {
  jobId: string;
  notebookId: number;
  fileName: string;
  executor: Pick<Executor, 'kind' | 'image'>;
  configHash: string;
  workerId: string;
  startedAt: Date;
  flags: StaticFlags;
  missingDatasets: string[];
  result: ExecutionResult;
}

/**
 * Writes a job's result in one transaction: the executed notebook imported (through the same import
 * and extraction as any notebook) and marked as a reproduction of the original, the figure pairs, and
 * the execution row. Serialised per job id, so two workers finishing the same job (one presumed dead)
 * write it once; the second gets the first one's row.
 */
export async function recordExecution(db: Db, blobDir: string, r: ExecutionRecord): Promise<Execution> {
  return db.transaction(async (txn) => {
    const tx = txn as unknown as Db;
    await rawSql(tx)`select pg_advisory_xact_lock(hashtext(${`execution:${r.jobId}`}))`;
    const [existing] = await tx.select().from(executions).where(eq(executions.jobId, r.jobId));
    if (existing) return existing;

    let executedNotebookId: number | null = null;
    let importNote = '';
    if (r.result.executed) {
      const imported = await importNotebook(tx, { file: `${r.fileName} (reproduced)`, bytes: r.result.executed, blobDir });
      if (imported.notebookId && imported.notebookId !== r.notebookId && imported.status !== 'failed') {
        executedNotebookId = imported.notebookId;
        await tx.update(notebooks).set({ reproducedFrom: r.notebookId }).where(and(eq(notebooks.id, executedNotebookId), isNull(notebooks.reproducedFrom)));
      } else if (imported.error) {
        importNote = `\n[vizmine] the executed notebook could not be imported: ${imported.error.code}: ${imported.error.message}`;
      }
    }
    const pairs = await matchFigures(tx, blobDir, r.notebookId, executedNotebookId);
    const count = (o: string) => pairs.filter((p) => p.outcome === o).length;
    const [row] = await tx
      .insert(executions)
      .values({
        jobId: r.jobId,
        notebookId: r.notebookId,
        executedNotebookId,
        executor: r.executor.kind,
        image: r.executor.image,
        configHash: r.configHash,
        status: r.result.status,
        failingCell: r.result.failing?.cell ?? null,
        exceptionType: r.result.failing?.ename ?? null,
        exceptionMessage: r.result.failing?.evalue ?? null,
        seconds: r.result.seconds,
        cellSeconds: r.result.cellSeconds,
        missingDatasets: r.missingDatasets,
        workerId: r.workerId,
        log: (r.result.log + importNote).replace(/\u0000/g, ''),
        figuresBefore: pairs.filter((p) => p.originalVisualisationId !== null).length,
        figuresAfter: pairs.filter((p) => p.reproducedVisualisationId !== null).length,
        figuresSame: count('same'),
        figuresDifferent: count('different'),
        figuresNew: count('new'),
        figuresMissing: count('missing'),
        ...r.flags,
        startedAt: r.startedAt,
      })
      .returning();
    if (pairs.length) await tx.insert(figureMatches).values(pairs.map((p) => ({ ...p, executionId: row.id })));
    return row;
  });
}
