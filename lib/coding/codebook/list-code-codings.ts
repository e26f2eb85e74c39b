import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { codes, codings, consensusCodings, sampleItems, users, visualisations, type Region, imageSha } from '../../db/schema';
import { AppError } from '../../errors';

export interface CodeCoding {
  id: number;
  consensus: boolean;
  sampleItemId: number;
  visualisationId: number;
  blobSha256: string | null;
  userId: string;
  userName: string | null;
  region: Region | null;
  memo: string;
}

/** The codings (and consensus codings) made with one code, to choose which follow a split. Supervisors only: they show every coder's work. */
export async function listCodeCodings(db: Db, studyId: number, codeId: number, limit = 500): Promise<CodeCoding[]> {
  const [code] = await db.select({ id: codes.id }).from(codes).where(and(eq(codes.id, codeId), eq(codes.studyId, studyId)));
  if (!code) throw new AppError('not_found', `There is no code ${codeId} in this codebook.`);
  const individual = await db
    .select({ id: codings.id, sampleItemId: codings.sampleItemId, visualisationId: visualisations.id, blobSha256: imageSha(), userId: codings.userId, userName: users.name, region: codings.region, memo: codings.memo })
    .from(codings)
    .innerJoin(sampleItems, eq(sampleItems.id, codings.sampleItemId))
    .innerJoin(visualisations, eq(visualisations.id, sampleItems.visualisationId))
    .leftJoin(users, eq(users.id, codings.userId))
    .where(eq(codings.codeId, codeId))
    .orderBy(codings.sampleItemId, codings.id)
    .limit(limit);
  const consensus = await db
    .select({ id: consensusCodings.id, sampleItemId: consensusCodings.sampleItemId, visualisationId: visualisations.id, blobSha256: imageSha(), userId: consensusCodings.decidedBy, userName: sql<string | null>`'Consensus'`, region: consensusCodings.region, memo: consensusCodings.memo })
    .from(consensusCodings)
    .innerJoin(sampleItems, eq(sampleItems.id, consensusCodings.sampleItemId))
    .innerJoin(visualisations, eq(visualisations.id, sampleItems.visualisationId))
    .where(eq(consensusCodings.codeId, codeId))
    .orderBy(consensusCodings.sampleItemId, consensusCodings.id)
    .limit(limit);
  return [...individual.map((c) => ({ ...c, consensus: false })), ...consensus.map((c) => ({ ...c, consensus: true }))];
}
