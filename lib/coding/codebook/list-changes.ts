import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { codebookChanges, users } from '../../db/schema';
import type { CodeSnapshot } from './snapshot';

export interface Changeset {
  changeset: string;
  action: string;
  userId: string;
  /** The account's name when the account still exists. */
  userName: string | null;
  reason: string;
  at: string;
  codes: Array<{ codeId: number; action: string; before: CodeSnapshot | null; after: CodeSnapshot | null }>;
}

/** The codebook's history, newest first, one entry per user action (its touched codes inside). */
export async function listChanges(db: Db, studyId: number, opts: { limit?: number; before?: Date } = {}): Promise<Changeset[]> {
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 500);
  const where = and(eq(codebookChanges.studyId, studyId), opts.before ? lte(codebookChanges.at, opts.before) : undefined);
  const heads = await db
    .selectDistinctOn([codebookChanges.at, codebookChanges.changeset], { changeset: codebookChanges.changeset, at: codebookChanges.at })
    .from(codebookChanges)
    .where(where)
    .orderBy(desc(codebookChanges.at), codebookChanges.changeset)
    .limit(limit);
  if (heads.length === 0) return [];
  const rows = await db
    .select({ change: codebookChanges, userName: users.name })
    .from(codebookChanges)
    .leftJoin(users, eq(users.id, codebookChanges.userId))
    .where(and(eq(codebookChanges.studyId, studyId), inArray(codebookChanges.changeset, heads.map((h) => h.changeset))))
    .orderBy(codebookChanges.id);
  const sets = new Map<string, Changeset>();
  for (const { change: r, userName } of rows) {
    let set = sets.get(r.changeset);
    if (!set) {
      set = { changeset: r.changeset, action: r.action, userId: r.userId, userName, reason: r.reason, at: r.at.toISOString(), codes: [] };
      sets.set(r.changeset, set);
    }
    set.codes.push({ codeId: r.codeId, action: r.action, before: r.before as CodeSnapshot | null, after: r.after as CodeSnapshot | null });
  }
  return heads.map((h) => sets.get(h.changeset)!).filter(Boolean);
}
