import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { assignments, sampleItems, samples, studies, visualisations, blobs, imageSha } from '../../db/schema';

/**
 * A coder's queue across studies (or one study): every assignment in queue order (study, sample,
 * position) with its status, flag and how many codes it has, plus done/left per sample and the
 * first pending assignment — where Enter on /coding takes them.
 */
export async function getQueue(db: Db, userId: string, opts: { studyId?: number } = {}) {
  const where = [eq(assignments.userId, userId)];
  if (opts.studyId) where.push(eq(samples.studyId, opts.studyId));
  const items = await db
    .select({
      assignmentId: assignments.id,
      position: assignments.position,
      status: assignments.status,
      flagged: assignments.flagged,
      hasMemo: sql<boolean>`${assignments.memo} <> ''`,
      updatedAt: assignments.updatedAt,
      sampleId: samples.id,
      studyId: samples.studyId,
      visualisationId: sampleItems.visualisationId,
      kind: visualisations.kind,
      blobSha256: imageSha(),
      hasThumbnail: sql<boolean>`${blobs.thumbnailAt} is not null and ${blobs.derivativeError} is null`,
      codings: sql<number>`(select count(*)::int from codings c where c.sample_item_id = ${assignments.sampleItemId} and c.user_id = ${assignments.userId})`,
    })
    .from(assignments)
    .innerJoin(sampleItems, eq(sampleItems.id, assignments.sampleItemId))
    .innerJoin(samples, eq(samples.id, sampleItems.sampleId))
    .innerJoin(visualisations, eq(visualisations.id, sampleItems.visualisationId))
    .leftJoin(blobs, eq(blobs.sha256, imageSha()))
    .where(and(...where))
    .orderBy(asc(samples.studyId), asc(samples.id), asc(assignments.position));

  const sampleIds = [...new Set(items.map((i) => i.sampleId))];
  const meta = sampleIds.length
    ? await db
        .select({ id: samples.id, name: samples.name, blind: samples.blind, studyId: studies.id, studyName: studies.name })
        .from(samples)
        .innerJoin(studies, eq(studies.id, samples.studyId))
        .where(inArray(samples.id, sampleIds))
    : [];
  const perSample = sampleIds.map((id) => {
    const mine = items.filter((i) => i.sampleId === id);
    const m = meta.find((s) => s.id === id)!;
    const done = mine.filter((i) => i.status === 'submitted').length;
    const skipped = mine.filter((i) => i.status === 'skipped').length;
    return { ...m, total: mine.length, done, skipped, left: mine.length - done - skipped, flagged: mine.filter((i) => i.flagged).length };
  });
  const nextPending = items.find((i) => i.status === 'pending')?.assignmentId ?? null;
  return { samples: perSample, items, nextPendingId: nextPending };
}
