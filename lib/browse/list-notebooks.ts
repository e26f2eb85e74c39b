import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notebooks } from '../db/schema';
import type { NotebookQuery } from './schemas';
import { notebookLibraries } from './label-filters';
import { kaggleRefOf } from './identity';

const SORT = {
  title: notebooks.title,
  imported: notebooks.id,
  cells: sql`${notebooks.codeCells} + ${notebooks.markdownCells} + ${notebooks.rawCells} + ${notebooks.headingCells}`,
  visualisations: notebooks.visualisationCount,
  errors: notebooks.errorOutputs,
} as const;

export async function listNotebooks(db: Db, q: NotebookQuery) {
  const where: SQL[] = [];
  if (q.q) {
    // Title, file name or Kaggle ref: "agconti" finds agconti-titanic__Titanic.ipynb.
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(notebooks.title, like), ilike(notebooks.fileName, like), sql`exists (select 1 from kaggle_kernels k where k.notebook_id = ${notebooks.id} and k.ref ilike ${like})`)!);
  }
  if (q.origin === 'originals') where.push(isNull(notebooks.reproducedFrom));
  if (q.origin === 'reproductions') where.push(isNotNull(notebooks.reproducedFrom));
  // Counts by status under the other filters, so the page can say what its number counts.
  const byStatus = db
    .select({
      imported: sql<number>`count(*) filter (where ${notebooks.status} = 'imported')`.mapWith(Number),
      rejected: sql<number>`count(*) filter (where ${notebooks.status} = 'rejected')`.mapWith(Number),
    })
    .from(notebooks)
    .where(and(...where));
  if (q.status !== 'all') where.push(eq(notebooks.status, q.status));
  const order = q.dir === 'asc' ? asc(SORT[q.sort]) : desc(SORT[q.sort]);
  const [items, [{ total }], [counts]] = await Promise.all([
    db
      .select({
        id: notebooks.id,
        title: notebooks.title,
        fileName: notebooks.fileName,
        kaggleRef: kaggleRefOf(notebooks.id),
        status: notebooks.status,
        rejectReason: notebooks.rejectReason,
        originalNbformat: notebooks.originalNbformat,
        libraries: notebookLibraries(notebooks.id),
        codeCells: notebooks.codeCells,
        markdownCells: notebooks.markdownCells,
        rawCells: notebooks.rawCells,
        headingCells: notebooks.headingCells,
        errorOutputs: notebooks.errorOutputs,
        visualisationCount: notebooks.visualisationCount,
        importedAt: notebooks.importedAt,
      })
      .from(notebooks)
      .where(and(...where))
      .orderBy(order, asc(notebooks.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(notebooks).where(and(...where)),
    byStatus,
  ]);
  return { items, total: Number(total), counts, page: q.page, pageSize: q.pageSize };
}
