import { and, asc, count, desc, eq, ilike, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notebooks } from '../db/schema';
import type { NotebookQuery } from './schemas';

const SORT = {
  title: notebooks.title,
  imported: notebooks.id,
  cells: sql`${notebooks.codeCells} + ${notebooks.markdownCells} + ${notebooks.rawCells} + ${notebooks.headingCells}`,
  visualisations: notebooks.visualisationCount,
  errors: notebooks.errorOutputs,
} as const;

export async function listNotebooks(db: Db, q: NotebookQuery) {
  const where: SQL[] = [];
  if (q.q) where.push(ilike(notebooks.title, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (q.status !== 'all') where.push(eq(notebooks.status, q.status));
  if (q.origin === 'originals') where.push(isNull(notebooks.reproducedFrom));
  if (q.origin === 'reproductions') where.push(isNotNull(notebooks.reproducedFrom));
  const order = q.dir === 'asc' ? asc(SORT[q.sort]) : desc(SORT[q.sort]);
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: notebooks.id,
        title: notebooks.title,
        fileName: notebooks.fileName,
        status: notebooks.status,
        rejectReason: notebooks.rejectReason,
        originalNbformat: notebooks.originalNbformat,
        libraries: notebooks.libraries,
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
  ]);
  return { items, total: Number(total), page: q.page, pageSize: q.pageSize };
}
