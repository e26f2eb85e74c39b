import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { codings, consensusCodings, type Code, type Region } from '../../db/schema';
import { AppError } from '../../errors';
import { beginChange, findCode, recordChanges, requireReason, writeCode, type Tx } from './snapshot';
import { checkSiblingName } from './validate';

export interface MergeResult {
  survivor: Code;
  merged: Code[];
  codingsMoved: number;
  consensusMoved: number;
  /** Codings dropped because the coder had already applied the survivor to the same item and region. */
  duplicatesCollapsed: number;
}

/**
 * Merges codes into a survivor: their codings and consensus codings move to it (a coder's duplicate
 * on the same item and region collapses into one, memos kept), their sub-codes move under it, their
 * examples join its examples, and they stay in the codebook as "merged into" it. One changeset.
 */
export async function mergeCodes(
  db: Db,
  userId: string,
  studyId: number,
  input: { survivorId: number; mergedIds: number[]; reason: string },
): Promise<MergeResult> {
  return db.transaction(async (tx) => {
    const { ctx, all } = await beginChange(tx, studyId, userId, requireReason(input.reason, 'merge these codes'));
    const survivor = findCode(all, input.survivorId, 'surviving code');
    const mergedIds = [...new Set(input.mergedIds)];
    if (mergedIds.length === 0) throw new AppError('bad_request', 'Choose at least one code to merge into the survivor.');
    if (mergedIds.includes(survivor.id)) throw new AppError('bad_request', `“${survivor.name}” cannot be merged into itself; leave it out of the codes to merge.`);
    if (survivor.status !== 'active') throw new AppError('conflict', `The survivor “${survivor.name}” is ${survivor.status}; merge into an active code.`);
    const merged = mergedIds.map((id) => findCode(all, id));
    for (const m of merged) if (m.status === 'merged') throw new AppError('conflict', `“${m.name}” was already merged into another code.`);

    const touched: Array<{ before: Code; after: Code }> = [];
    // Sub-codes of merged codes move under the survivor (names must stay unique there); a survivor
    // that sat under a merged code moves up to the nearest ancestor that stays.
    const parentOf = (c: Code): number | null => {
      let p = c.parentId;
      while (p !== null && mergedIds.includes(p)) p = all.find((x) => x.id === p)?.parentId ?? null;
      return p;
    };
    for (const child of all.filter((c) => c.parentId !== null && mergedIds.includes(c.parentId) && !mergedIds.includes(c.id) && c.status !== 'merged')) {
      const parentId = child.id === survivor.id ? parentOf(child) : survivor.id;
      checkSiblingName(all, parentId, child.name, child.id);
      const after = await writeCode(tx, child.id, { parentId });
      touched.push({ before: child, after });
      Object.assign(child, { parentId });
    }
    const examples = [...new Set([...survivor.exampleVisualisationIds, ...merged.flatMap((m) => m.exampleVisualisationIds)])];
    if (examples.length !== survivor.exampleVisualisationIds.length) {
      const prior = touched.find((t) => t.after.id === survivor.id);
      const after = await writeCode(tx, survivor.id, { exampleVisualisationIds: examples });
      if (prior) prior.after = after;
      else touched.push({ before: survivor, after });
    }
    for (const m of merged) touched.push({ before: m, after: await writeCode(tx, m.id, { status: 'merged', mergedIntoId: survivor.id }) });

    const codingsMoved = (await tx.update(codings).set({ codeId: survivor.id }).where(inArray(codings.codeId, mergedIds)).returning({ id: codings.id })).length;
    const consensusMoved = (await tx.update(consensusCodings).set({ codeId: survivor.id }).where(inArray(consensusCodings.codeId, mergedIds)).returning({ id: consensusCodings.id })).length;
    const duplicatesCollapsed = (await collapseDuplicates(tx, survivor.id, 'codings')) + (await collapseDuplicates(tx, survivor.id, 'consensus'));

    await recordChanges(tx, ctx, 'merge', touched);
    const survivorNow = touched.find((t) => t.after.id === survivor.id)?.after ?? survivor;
    return { survivor: survivorNow, merged: touched.filter((t) => mergedIds.includes(t.after.id)).map((t) => t.after), codingsMoved, consensusMoved, duplicatesCollapsed };
  });
}

function regionKey(r: Region | null): string {
  return r ? JSON.stringify([r.x, r.y, r.w, r.h]) : 'whole';
}

/** Keeps the first of each (item, coder, region) coding with the code; the others' memos are appended to it. */
async function collapseDuplicates(tx: Tx, codeId: number, table: 'codings' | 'consensus'): Promise<number> {
  type Row = { id: number; item: number; user: string; region: Region | null; memo: string };
  const rows: Row[] =
    table === 'codings'
      ? await tx
          .select({ id: codings.id, item: codings.sampleItemId, user: codings.userId, region: codings.region, memo: codings.memo })
          .from(codings)
          .where(eq(codings.codeId, codeId))
          .orderBy(codings.id)
      : (
          await tx
            .select({ id: consensusCodings.id, item: consensusCodings.sampleItemId, region: consensusCodings.region, memo: consensusCodings.memo })
            .from(consensusCodings)
            .where(eq(consensusCodings.codeId, codeId))
            .orderBy(consensusCodings.id)
        ).map((r) => ({ ...r, user: '' }));
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = `${r.item}|${r.user}|${regionKey(r.region)}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const t = table === 'codings' ? codings : consensusCodings;
  let dropped = 0;
  for (const [keep, ...rest] of groups.values()) {
    if (rest.length === 0) continue;
    const memo = [...new Set([keep, ...rest].map((r) => r.memo.trim()).filter(Boolean))].join('\n\n');
    if (memo !== keep.memo) await tx.update(t).set({ memo }).where(eq(t.id, keep.id));
    await tx.delete(t).where(and(eq(t.codeId, codeId), inArray(t.id, rest.map((r) => r.id))));
    dropped += rest.length;
  }
  return dropped;
}
