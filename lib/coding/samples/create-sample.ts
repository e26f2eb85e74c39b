import type { Db } from '../../db/client';
import { sampleItems, samples, studies, type Sample } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { AppError } from '../../errors';
import { NO_VALUE } from './draw-items';
import { drawFromGallery } from './preview-sample';
import type { CreateSampleInput, SampleDefinition } from './schemas';

/**
 * Draws a sample from the gallery and stores it with its definition (filters, mode, n/percent,
 * stratify-by, seed) so it can be drawn again and cited. Items keep id order as their position;
 * coders' own orders are set when the sample is assigned.
 */
export async function createSample(db: Db, userId: string, studyId: number, input: CreateSampleInput): Promise<Sample & { itemCount: number }> {
  const { name, ...def } = input;
  const definition: SampleDefinition = def;
  const [study] = await db.select({ id: studies.id }).from(studies).where(eq(studies.id, studyId));
  if (!study) throw new AppError('not_found', `There is no study ${studyId}.`);
  const { matching, items } = await drawFromGallery(db, definition);
  if (items.length === 0) {
    throw new AppError('bad_request', matching === 0 ? 'No visualisation matches these filters: loosen them (or import notebooks) and try again.' : 'This definition draws no items: raise n or the percentage.');
  }
  return db.transaction(async (tx) => {
    const [sample] = await tx.insert(samples).values({ studyId, name, definition, createdBy: userId }).returning();
    const rows = items.map((it, i) => ({ sampleId: sample.id, visualisationId: it.id, position: i, stratum: def.mode === 'stratified' ? it.stratum ?? NO_VALUE : null }));
    for (let i = 0; i < rows.length; i += 5000) await tx.insert(sampleItems).values(rows.slice(i, i + 5000));
    return { ...sample, itemCount: rows.length };
  });
}
