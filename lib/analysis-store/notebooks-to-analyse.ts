// What the re-analysis job works through, and how far it has got: imported notebooks (originals and
// reproductions alike) whose stored analysis is missing or from another analyser version.
import { and, asc, count, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notebookAnalyses, notebooks } from '../db/schema';

export async function listNotebooksToAnalyse(db: Db, version: string, limit: number): Promise<number[]> {
  const rows = await db
    .select({ id: notebooks.id })
    .from(notebooks)
    .leftJoin(notebookAnalyses, eq(notebookAnalyses.notebookId, notebooks.id))
    .where(and(eq(notebooks.status, 'imported'), or(isNull(notebookAnalyses.notebookId), ne(notebookAnalyses.analyserVersion, version))))
    .orderBy(asc(notebooks.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

export interface AnalysisProgress {
  /** Imported notebooks with a stored analysis (analysed or failed) at this version. */
  done: number;
  /** Of those, the ones whose analysis failed. */
  failed: number;
  /** Imported notebooks. */
  total: number;
}

export async function analysisProgress(db: Db, version: string): Promise<AnalysisProgress> {
  const [row] = await db
    .select({
      total: count(),
      done: sql<number>`count(${notebookAnalyses.notebookId}) filter (where ${notebookAnalyses.analyserVersion} = ${version})`.mapWith(Number),
      failed: sql<number>`count(*) filter (where ${notebookAnalyses.analyserVersion} = ${version} and ${notebookAnalyses.status} = 'failed')`.mapWith(Number),
    })
    .from(notebooks)
    .leftJoin(notebookAnalyses, eq(notebookAnalyses.notebookId, notebooks.id))
    .where(eq(notebooks.status, 'imported'));
  return { done: row.done, failed: row.failed, total: row.total };
}
