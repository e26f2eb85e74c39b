import { desc, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { executions } from '../../db/schema';

/**
 * A notebook's reproductions, newest first; for an executed notebook (a reproduction itself) the
 * execution that produced it.
 */
export async function listNotebookExecutions(db: Db, notebookId: number) {
  return db
    .select({
      id: executions.id,
      jobId: executions.jobId,
      notebookId: executions.notebookId,
      executedNotebookId: executions.executedNotebookId,
      status: executions.status,
      exceptionType: executions.exceptionType,
      failingCell: executions.failingCell,
      executor: executions.executor,
      seconds: executions.seconds,
      figuresSame: executions.figuresSame,
      figuresDifferent: executions.figuresDifferent,
      figuresNew: executions.figuresNew,
      figuresMissing: executions.figuresMissing,
      finishedAt: executions.finishedAt,
    })
    .from(executions)
    .where(or(eq(executions.notebookId, notebookId), eq(executions.executedNotebookId, notebookId)))
    .orderBy(desc(executions.finishedAt), desc(executions.id))
    .limit(100);
}
