import { and, eq } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { idParam } from '@/lib/browse/schemas';
import { requireStudyAccess } from '@/lib/coding/access';
import { assignSample } from '@/lib/coding/samples/assign-sample';
import { assignInput } from '@/lib/coding/samples/schemas';
import { samples } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';

type Ctx = { params: Promise<{ id: string; sampleId: string }> };

// POST /api/studies/:id/samples/:sampleId/assign — deal the sample to coders (once), with overlap and order
export const POST = route(async (req: Request, { params }: Ctx) => {
  const p = await params;
  const studyId = idParam.parse(p.id);
  const sampleId = idParam.parse(p.sampleId);
  const input = assignInput.parse(await readJson(req));
  const db = await getDb();
  await requireStudyAccess(db, await requireUser(req), studyId, 'manage');
  // The sample must belong to the study the access was checked for.
  const [s] = await db.select({ id: samples.id }).from(samples).where(and(eq(samples.id, sampleId), eq(samples.studyId, studyId)));
  if (!s) throw new AppError('not_found', `Study ${studyId} has no sample ${sampleId}.`);
  return assignSample(db, sampleId, input);
});
