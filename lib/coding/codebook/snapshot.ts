import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { codebookChanges, codes, studies, type Code } from '../../db/schema';
import { AppError } from '../../errors';

/**
 * A code as recorded in codebook_changes: the row with dates as ISO strings (it goes through JSON).
 * The machine-label mapping (labelField/labelValue) is analysis set-up, not codebook content: left out.
 */
export type CodeSnapshot = Omit<Code, 'createdAt' | 'updatedAt' | 'labelField' | 'labelValue'> & { createdAt: string; updatedAt: string };

/** A drizzle transaction handle; the operations take it where they share a transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function snapshotOf(code: Code): CodeSnapshot {
  const { labelField: _f, labelValue: _v, ...rest } = code;
  return { ...rest, createdAt: new Date(code.createdAt).toISOString(), updatedAt: new Date(code.updatedAt).toISOString() };
}

export interface ChangeContext {
  studyId: number;
  userId: string;
  reason: string;
  changeset: string;
}

/**
 * Starts a codebook change: locks the study's row so that changes to one codebook happen one at a time
 * (sibling-name and shortcut checks stay true until commit), and loads every code of the study. The
 * lock is "no key update", so rows that merely refer to the study can still be written meanwhile.
 */
export async function beginChange(tx: Tx, studyId: number, userId: string, reason = ''): Promise<{ ctx: ChangeContext; all: Code[] }> {
  const [study] = await tx.select({ id: studies.id }).from(studies).where(eq(studies.id, studyId)).for('no key update');
  if (!study) throw new AppError('not_found', `There is no study ${studyId}.`);
  const all = await tx.select().from(codes).where(eq(codes.studyId, studyId)).orderBy(codes.position, codes.id);
  return { ctx: { studyId, userId, reason: reason.trim(), changeset: crypto.randomUUID() }, all };
}

/** One codebook_changes row per touched code, all in the context's changeset. */
export async function recordChanges(
  tx: Tx,
  ctx: ChangeContext,
  action: (typeof codebookChanges.$inferInsert)['action'],
  touched: Array<{ before: Code | null; after: Code | null }>,
): Promise<void> {
  const rows = touched
    .filter((t) => t.before || t.after)
    .map((t) => ({
      studyId: ctx.studyId,
      changeset: ctx.changeset,
      codeId: (t.after ?? t.before)!.id,
      action,
      userId: ctx.userId,
      reason: ctx.reason,
      before: t.before ? snapshotOf(t.before) : null,
      after: t.after ? snapshotOf(t.after) : null,
    }));
  if (rows.length) await tx.insert(codebookChanges).values(rows);
}

/** Updates one code (stamping updated_at) and returns the row as it now is. */
export async function writeCode(tx: Tx, id: number, patch: Partial<typeof codes.$inferInsert>): Promise<Code> {
  const [row] = await tx
    .update(codes)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(codes.id, id))
    .returning();
  return row;
}

/** The code `id` of this study, or not_found (a code of another study is not found either). */
export function findCode(all: Code[], id: number, what = 'code'): Code {
  const code = all.find((c) => c.id === id);
  if (!code) throw new AppError('not_found', `There is no ${what} ${id} in this codebook.`);
  return code;
}

/** Reasons are required for changes that reshape the codebook; a missing one is a 400 that says so. */
export function requireReason(reason: string | undefined, action: string): string {
  const r = (reason ?? '').trim();
  if (!r) throw new AppError('bad_request', `Say why you ${action} (reason): the codebook history keeps it for the methods section.`);
  return r;
}
