import { alias } from 'drizzle-orm/pg-core';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cells, executions, figureMatches, notebooks, visualisations } from '../../db/schema';
import { AppError } from '../../errors';

const original = alias(visualisations, 'original');
const reproduced = alias(visualisations, 'reproduced');
const executed = alias(notebooks, 'executed');

/** One execution's result, its per-cell durations, and each figure pair (original | reproduced). */
export async function getExecution(db: Db, id: number) {
  const [row] = await db
    .select({ execution: executions, notebookTitle: notebooks.title, executedTitle: executed.title })
    .from(executions)
    .innerJoin(notebooks, eq(notebooks.id, executions.notebookId))
    .leftJoin(executed, eq(executed.id, executions.executedNotebookId))
    .where(eq(executions.id, id));
  if (!row) throw new AppError('not_found', `No execution ${id}.`);
  const { log: _log, ...execution } = row.execution;
  const [pairs, codeCells] = await Promise.all([
    db
      .select({
        id: figureMatches.id,
        cellPosition: figureMatches.cellPosition,
        outcome: figureMatches.outcome,
        distance: figureMatches.distance,
        original: { id: original.id, kind: original.kind, mime: original.mime, blobSha256: original.blobSha256, outputIndex: original.outputIndex },
        reproduced: { id: reproduced.id, kind: reproduced.kind, mime: reproduced.mime, blobSha256: reproduced.blobSha256, outputIndex: reproduced.outputIndex },
      })
      .from(figureMatches)
      .leftJoin(original, eq(original.id, figureMatches.originalVisualisationId))
      .leftJoin(reproduced, eq(reproduced.id, figureMatches.reproducedVisualisationId))
      .where(eq(figureMatches.executionId, id))
      .orderBy(asc(figureMatches.cellPosition), asc(figureMatches.id)),
    db.select({ position: cells.position, executionCount: cells.executionCount }).from(cells).where(eq(cells.notebookId, execution.notebookId)).orderBy(asc(cells.position)),
  ]);
  // Per-cell durations keyed by cell position as the runner reports them, in notebook order.
  const cellSeconds = Object.entries(execution.cellSeconds ?? {})
    .map(([position, seconds]) => ({ position: Number(position), seconds: Number(seconds) }))
    .filter((c) => Number.isFinite(c.position))
    .sort((a, b) => a.position - b.position);
  return {
    ...execution,
    cellSeconds,
    notebookTitle: row.notebookTitle,
    executedTitle: row.executedTitle,
    codeCellCount: codeCells.length,
    pairs: pairs.map((p) => ({ ...p, original: p.original?.id ? p.original : null, reproduced: p.reproduced?.id ? p.reproduced : null })),
    hasLog: row.execution.log.length > 0,
  };
}
