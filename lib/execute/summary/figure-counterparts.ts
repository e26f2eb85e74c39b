import { desc, eq, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { figureMatches } from '../../db/schema';

/**
 * The other side of every figure pair a visualisation is in: its reproductions when it is an
 * original, its original when it is a reproduction.
 */
export async function listFigureCounterparts(db: Db, visualisationId: number) {
  const rows = await db
    .select({
      executionId: figureMatches.executionId,
      outcome: figureMatches.outcome,
      distance: figureMatches.distance,
      originalId: figureMatches.originalVisualisationId,
      reproducedId: figureMatches.reproducedVisualisationId,
    })
    .from(figureMatches)
    .where(or(eq(figureMatches.originalVisualisationId, visualisationId), eq(figureMatches.reproducedVisualisationId, visualisationId)))
    .orderBy(desc(figureMatches.executionId))
    .limit(50);
  return rows.map((r) => {
    const isOriginal = r.originalId === visualisationId;
    return { executionId: r.executionId, outcome: r.outcome, distance: r.distance, role: isOriginal ? ('reproduction' as const) : ('original' as const), visualisationId: isOriginal ? r.reproducedId : r.originalId };
  });
}
