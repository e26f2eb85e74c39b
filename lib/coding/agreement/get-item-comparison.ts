import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { assignments, blobs, codes, codings, consensusCodings, kaggleKernels, notebooks, sampleItems, samples, users, visualisations, imageSha } from '../../db/schema';
import { AppError } from '../../errors';
import { readCodePaths } from './code-paths';

/**
 * One item for review: the figure, each assigned coder's status and codings side by side, the
 * consensus so far, and the study's codebook to choose consensus codes from. Call only after
 * requireItemReviewer: this shows every coder's codings.
 */
export async function getItemComparison(db: Db, sampleItemId: number) {
  const [item] = await db
    .select({
      id: sampleItems.id,
      studyId: samples.studyId,
      sampleId: samples.id,
      sampleName: samples.name,
      visualisationId: visualisations.id,
      kind: visualisations.kind,
      blobSha256: imageSha(),
      width: blobs.width,
      height: blobs.height,
      cell: visualisations.cellPosition,
      notebookId: notebooks.id,
      notebookTitle: notebooks.title,
      notebookRef: kaggleKernels.ref,
      fileName: notebooks.fileName,
    })
    .from(sampleItems)
    .innerJoin(samples, eq(samples.id, sampleItems.sampleId))
    .innerJoin(visualisations, eq(visualisations.id, sampleItems.visualisationId))
    .innerJoin(notebooks, eq(notebooks.id, visualisations.notebookId))
    .leftJoin(kaggleKernels, eq(kaggleKernels.notebookId, notebooks.id))
    .leftJoin(blobs, eq(blobs.sha256, imageSha()))
    .where(eq(sampleItems.id, sampleItemId));
  if (!item) throw new AppError('not_found', `There is no sample item ${sampleItemId}.`);

  const [paths, assigned, individual, consensus, codebook] = await Promise.all([
    readCodePaths(db, item.studyId),
    db
      .select({ userId: assignments.userId, status: assignments.status, submittedAt: assignments.submittedAt, memo: assignments.memo, name: users.name, email: users.email })
      .from(assignments)
      .leftJoin(users, eq(users.id, assignments.userId))
      .where(eq(assignments.sampleItemId, sampleItemId))
      .orderBy(asc(users.email), asc(assignments.userId)),
    db.select().from(codings).where(eq(codings.sampleItemId, sampleItemId)).orderBy(asc(codings.id)),
    db.select().from(consensusCodings).where(eq(consensusCodings.sampleItemId, sampleItemId)).orderBy(asc(consensusCodings.id)),
    db
      .select({ id: codes.id, kind: codes.kind, colour: codes.colour, shortcut: codes.shortcut, status: codes.status, position: codes.position })
      .from(codes)
      .where(and(eq(codes.studyId, item.studyId), eq(codes.status, 'active')))
      .orderBy(asc(codes.position), asc(codes.id)),
  ]);
  const coding = (c: { id: number; codeId: number; region: unknown; memo: string }) => ({
    id: c.id,
    codeId: c.codeId,
    codePath: paths.get(c.codeId) ?? `#${c.codeId}`,
    region: (c.region ?? null) as { x: number; y: number; w: number; h: number } | null,
    memo: c.memo,
  });
  return {
    item: { ...item, notebookRef: item.notebookRef ?? item.fileName },
    coders: assigned.map((a) => ({
      userId: a.userId,
      coder: a.email ?? a.userId,
      name: a.name,
      status: a.status,
      submittedAt: a.submittedAt,
      memo: a.memo,
      // Drafts stay out: a coder's codings are data once submitted.
      codings: a.status === 'submitted' ? individual.filter((c) => c.userId === a.userId).map(coding) : [],
    })),
    consensus: consensus.map((c) => ({ ...coding(c), decidedBy: c.decidedBy, createdAt: c.createdAt })),
    // Categories group codes; only codes are applied (as in the coding workspace).
    codes: codebook.filter((c) => c.kind === 'code').map((c) => ({ ...c, path: paths.get(c.id)! })),
  };
}
