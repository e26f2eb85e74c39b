import { route, searchParams } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { saturationQuery } from '@/lib/coding/codebook/schemas';
import { computeSaturation } from '@/lib/coding/saturation';
import { studyIdParam } from '@/lib/coding/studies/schemas';
import { getDb } from '@/lib/db/client';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

// GET /api/studies/:id/codebook/saturation?batch=N — new codes per batch of N coded visualisations
export const GET = route(async (req, { params }: Ctx) => {
  const [db, user, studyId] = [await getDb(), await requireUser(req), studyIdParam.parse((await params).id)];
  const { batch } = saturationQuery.parse(searchParams(req));
  await requireStudyAccess(db, user, studyId, 'read');
  return { batchSize: batch, points: await computeSaturation(db, studyId, batch) };
});
