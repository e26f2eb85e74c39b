import type { Db } from '../../db/client';
import type { Code } from '../../db/schema';
import { AppError } from '../../errors';
import { beginChange, findCode, recordChanges, requireReason, writeCode } from './snapshot';
import { descendantsOf } from './tree';

/**
 * Retires a code (and, for a category, everything under it): it stays in the codebook and on the
 * codings already made with it, but is no longer offered for coding. Its shortcut key is freed.
 */
export async function deprecateCode(db: Db, userId: string, studyId: number, codeId: number, reason: string): Promise<Code[]> {
  return db.transaction(async (tx) => {
    const { ctx, all } = await beginChange(tx, studyId, userId, requireReason(reason, 'deprecate this code'));
    const code = findCode(all, codeId);
    if (code.status !== 'active') throw new AppError('conflict', `“${code.name}” is already ${code.status}.`);
    const ids = descendantsOf(all, codeId);
    const touched: Array<{ before: Code; after: Code }> = [];
    for (const c of all) {
      if (!ids.has(c.id) || c.status !== 'active') continue;
      touched.push({ before: c, after: await writeCode(tx, c.id, { status: 'deprecated' }) });
    }
    await recordChanges(tx, ctx, 'deprecate', touched);
    return touched.map((t) => t.after);
  });
}
