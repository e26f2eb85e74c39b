import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { codings, consensusCodings, type Code } from '../../db/schema';
import { AppError } from '../../errors';
import { insertCode, type CreateCodeInput } from './create-code';
import { beginChange, findCode, recordChanges, requireReason, writeCode } from './snapshot';

export interface SplitPart extends Omit<CreateCodeInput, 'parentId' | 'reason'> {
  /** Codings (by id) of the original code that now belong to this part. */
  codingIds?: number[];
  consensusCodingIds?: number[];
}

export interface SplitResult {
  original: Code;
  parts: Code[];
  codingsMoved: number;
  consensusMoved: number;
}

/**
 * Splits one code into several new ones beside it. The original is deprecated unless `keepOriginal`;
 * the chosen codings move to their new code, the rest stay on the original. One changeset.
 */
export async function splitCode(
  db: Db,
  userId: string,
  studyId: number,
  codeId: number,
  input: { into: SplitPart[]; keepOriginal?: boolean; reason: string },
): Promise<SplitResult> {
  return db.transaction(async (tx) => {
    const { ctx, all } = await beginChange(tx, studyId, userId, requireReason(input.reason, 'split this code'));
    const original = findCode(all, codeId);
    if (original.status !== 'active') throw new AppError('conflict', `“${original.name}” is ${original.status}; only an active code can be split.`);
    if (input.into.length < 1) throw new AppError('bad_request', 'Name at least one new code to split into.');
    const claimed = input.into.flatMap((p) => p.codingIds ?? []);
    if (new Set(claimed).size !== claimed.length) throw new AppError('bad_request', 'Each coding can go to only one of the new codes.');

    let after = original;
    if (!input.keepOriginal) {
      // Deprecated first, so that a part may take over the original's shortcut key.
      after = await writeCode(tx, original.id, { status: 'deprecated' });
      Object.assign(all.find((c) => c.id === original.id)!, { status: 'deprecated' });
    }
    const parts: Code[] = [];
    let codingsMoved = 0;
    let consensusMoved = 0;
    for (const part of input.into) {
      const code = await insertCode(tx, ctx, all, { ...part, kind: part.kind ?? 'code', parentId: original.parentId, colour: part.colour ?? original.colour });
      parts.push(code);
      if (part.codingIds?.length) {
        const moved = await tx
          .update(codings)
          .set({ codeId: code.id })
          .where(and(eq(codings.codeId, original.id), inArray(codings.id, part.codingIds)))
          .returning({ id: codings.id });
        if (moved.length !== part.codingIds.length) throw new AppError('bad_request', `Some codings for “${code.name}” are not codings with “${original.name}”; reload and choose again.`);
        codingsMoved += moved.length;
      }
      if (part.consensusCodingIds?.length) {
        const moved = await tx
          .update(consensusCodings)
          .set({ codeId: code.id })
          .where(and(eq(consensusCodings.codeId, original.id), inArray(consensusCodings.id, part.consensusCodingIds)))
          .returning({ id: consensusCodings.id });
        if (moved.length !== part.consensusCodingIds.length) throw new AppError('bad_request', `Some consensus codings for “${code.name}” are not with “${original.name}”; reload and choose again.`);
        consensusMoved += moved.length;
      }
    }
    await recordChanges(tx, ctx, 'split', [...(after !== original ? [{ before: original, after }] : []), ...parts.map((p) => ({ before: null, after: p }))]);
    return { original: after, parts, codingsMoved, consensusMoved };
  });
}
