import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { assignments, sampleItems, samples, studyMembers } from '../../db/schema';
import { AppError } from '../../errors';
import { mulberry32, shuffle, topPercentCount } from '../../kaggle/sampling';
import type { AssignInput } from './schemas';

export interface AssignmentPlan {
  /** Per coder, the sample positions they code, in the order they will see them. */
  byCoder: Map<string, number[]>;
  /** Sample positions that two coders code. */
  doubled: number[];
}

/**
 * Who codes what, deterministically from the seed:
 * - ceil(overlap % × items) items, chosen by the seed, are coded by two different coders, the rest
 *   by one;
 * - coders are dealt round-robin over those slots in the order given, so every coder's load
 *   (single and double) differs from any other's by at most one;
 * - each coder's queue in sample order ('fixed') or shuffled by the seed ('random').
 */
export function planAssignments(itemCount: number, input: Pick<AssignInput, 'coderIds' | 'overlapPercent' | 'order' | 'seed'>): AssignmentPlan {
  const coders = [...new Set(input.coderIds)];
  const random = mulberry32(input.seed);
  const overlap = input.overlapPercent > 0 && coders.length > 1 ? topPercentCount(input.overlapPercent, itemCount) : 0;
  const positions = Array.from({ length: itemCount }, (_, p) => p);
  const doubled = shuffle(positions, random).slice(0, overlap).sort((a, b) => a - b);
  const twice = new Set(doubled);
  // One rotating pointer over the coders deals every slot (an item coded twice has two slots in a
  // row, so two different coders): per-coder totals differ by at most one.
  const load = new Map<string, number[]>(coders.map((c) => [c, []]));
  let next = 0;
  for (const p of positions) {
    for (let k = twice.has(p) ? 2 : 1; k > 0; k--) load.get(coders[next++ % coders.length])!.push(p);
  }
  for (const [c, list] of load) {
    list.sort((a, b) => a - b);
    if (input.order === 'random') load.set(c, shuffle(list, random));
  }
  return { byCoder: load, doubled };
}

/**
 * Assigns a sample of study `studyId` to coders once. A sample already assigned is refused (conflict)
 * rather than re-dealt, because re-dealing would orphan codings already made; the sample row is locked
 * so two supervisors pressing "assign" together cannot both deal it. A sample of another study is not
 * found, since access was checked for `studyId`.
 */
export async function assignSample(db: Db, studyId: number, sampleId: number, input: AssignInput) {
  const coders = [...new Set(input.coderIds)];
  if (input.overlapPercent > 0 && coders.length < 2) throw new AppError('bad_request', 'Double coding needs at least two coders: add a coder or set the overlap to 0 %.');
  return db.transaction(async (tx) => {
    const [sample] = await tx.select().from(samples).where(and(eq(samples.id, sampleId), eq(samples.studyId, studyId))).for('update');
    if (!sample) throw new AppError('not_found', `Study ${studyId} has no sample ${sampleId}.`);
    const [{ n: already }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(assignments)
      .innerJoin(sampleItems, eq(sampleItems.id, assignments.sampleItemId))
      .where(eq(sampleItems.sampleId, sampleId));
    if (already > 0) throw new AppError('conflict', `Sample “${sample.name}” is already assigned (${already} assignments); draw a new sample to assign it differently.`);

    const members = await tx
      .select({ userId: studyMembers.userId })
      .from(studyMembers)
      .where(and(eq(studyMembers.studyId, studyId), inArray(studyMembers.userId, coders)));
    const missing = coders.filter((c) => !members.some((m) => m.userId === c));
    if (missing.length) throw new AppError('bad_request', `Not members of this study: ${missing.join(', ')}. Add them on the study's page first.`);

    const items = await tx.select({ id: sampleItems.id }).from(sampleItems).where(eq(sampleItems.sampleId, sampleId)).orderBy(asc(sampleItems.position));
    const plan = planAssignments(items.length, { ...input, coderIds: coders });
    const rows = [...plan.byCoder].flatMap(([userId, list]) => list.map((p, i) => ({ sampleItemId: items[p].id, userId, position: i })));
    for (let i = 0; i < rows.length; i += 5000) await tx.insert(assignments).values(rows.slice(i, i + 5000));
    // The assignment's own parameters join the sample's definition, so the whole deal can be redone.
    const definition = { ...(sample.definition as object), assignment: { coderIds: coders, overlapPercent: input.overlapPercent, order: input.order, seed: input.seed } };
    await tx.update(samples).set({ overlapPercent: input.overlapPercent, order: input.order, blind: input.blind, definition }).where(eq(samples.id, sampleId));
    return {
      sampleId,
      assignments: rows.length,
      doubleCoded: plan.doubled.length,
      perCoder: [...plan.byCoder].map(([userId, list]) => ({ userId, items: list.length })),
    };
  });
}
