import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { codes, consensusCodings, sampleItems, samples, type ConsensusCoding, type Region } from '../../db/schema';
import { AppError } from '../../errors';

export interface ConsensusInput {
  codeId: number;
  region?: Region | null;
  memo?: string;
}

/**
 * Replaces an item's consensus coding with `input` in one transaction (an empty list clears it).
 * Consensus lives in its own table: it never becomes an individual coding, so agreement stays
 * computed from what each coder decided alone. Who may call this: requireItemReviewer.
 */
export async function recordConsensus(db: Db, userId: string, sampleItemId: number, input: ConsensusInput[]): Promise<ConsensusCoding[]> {
  const [item] = await db
    .select({ studyId: samples.studyId })
    .from(sampleItems)
    .innerJoin(samples, eq(samples.id, sampleItems.sampleId))
    .where(eq(sampleItems.id, sampleItemId));
  if (!item) throw new AppError('not_found', `There is no sample item ${sampleItemId}.`);
  const ids = [...new Set(input.map((c) => c.codeId))];
  if (ids.length > 0) {
    const known = await db
      .select({ id: codes.id, kind: codes.kind, status: codes.status, name: codes.name })
      .from(codes)
      .where(and(eq(codes.studyId, item.studyId), inArray(codes.id, ids)));
    const missing = ids.filter((id) => !known.some((k) => k.id === id));
    if (missing.length) throw new AppError('bad_request', `Code ${missing.join(', ')} is not in this study's codebook; reload the codebook and choose again.`);
    const category = known.find((k) => k.kind !== 'code');
    if (category) throw new AppError('bad_request', `“${category.name}” is a category, not a code: choose one of its codes.`);
    const merged = known.find((k) => k.status === 'merged');
    if (merged) throw new AppError('bad_request', `“${merged.name}” was merged into another code; choose that code instead.`);
  }
  return db.transaction(async (tx) => {
    await tx.delete(consensusCodings).where(eq(consensusCodings.sampleItemId, sampleItemId));
    if (input.length === 0) return [];
    return tx
      .insert(consensusCodings)
      .values(input.map((c) => ({ sampleItemId, codeId: c.codeId, region: c.region ?? null, memo: c.memo ?? '', decidedBy: userId })))
      .returning();
  });
}
