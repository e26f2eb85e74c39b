import type { Db } from '../../db/client';
import type { Code } from '../../db/schema';
import { AppError } from '../../errors';
import { beginChange, findCode, recordChanges, writeCode } from './snapshot';
import { descendantsOf } from './tree';
import { checkParent, checkSiblingName } from './validate';

/**
 * Moves a code under another parent (null = top level), at `position` among its new siblings (default:
 * last). Siblings whose order shifts are recorded too, so an earlier codebook replays in its order.
 */
export async function moveCode(
  db: Db,
  userId: string,
  studyId: number,
  codeId: number,
  input: { parentId: number | null; position?: number; reason?: string },
): Promise<Code> {
  return db.transaction(async (tx) => {
    const { ctx, all } = await beginChange(tx, studyId, userId, input.reason);
    const code = findCode(all, codeId);
    if (code.status === 'merged') throw new AppError('conflict', `“${code.name}” was merged into another code and cannot be moved.`);
    const parentId = checkParent(all, input.parentId);
    if (parentId !== null && descendantsOf(all, codeId).has(parentId)) {
      const parent = all.find((c) => c.id === parentId)!;
      throw new AppError('conflict', `“${code.name}” cannot go under “${parent.name}”, which is inside it (that would make a cycle); choose a parent outside it.`);
    }
    checkSiblingName(all, parentId, code.name, codeId);
    const siblings = all.filter((c) => (c.parentId ?? null) === parentId && c.id !== codeId).sort((a, b) => a.position - b.position || a.id - b.id);
    const at = Math.max(0, Math.min(input.position ?? siblings.length, siblings.length));
    const order = [...siblings.slice(0, at), code, ...siblings.slice(at)];
    const touched: Array<{ before: Code; after: Code }> = [];
    let moved = code;
    for (const [position, c] of order.entries()) {
      const isSelf = c.id === codeId;
      if (!isSelf && c.position === position) continue;
      if (isSelf && c.position === position && (c.parentId ?? null) === parentId) continue;
      const after = await writeCode(tx, c.id, isSelf ? { parentId, position } : { position });
      touched.push({ before: c, after });
      if (isSelf) moved = after;
    }
    await recordChanges(tx, ctx, 'move', touched);
    return moved;
  });
}
