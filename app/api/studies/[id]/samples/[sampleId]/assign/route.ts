import { getDb } from '@/lib/db/client';
import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { idParam } from '@/lib/browse/schemas';
import { requireStudyAccess } from '@/lib/coding/access';
import { assignSample } from '@/lib/coding/samples/assign-sample';
import { assignInput } from '@/lib/coding/samples/schemas';

type Ctx = { params: Promise<{ id: string; sampleId: string }> };

// POST /api/studies/:id/samples/:sampleId/assign — deal the sample to coders (once), with overlap and order
export const POST = route(async (req: Request, { params }: Ctx) => {
  const p = await params;
  const studyId = idParam.parse(p.id);
  const sampleId = idParam.parse(p.sampleId);
  const input = assignInput.parse(await readJson(req));
  const db = await getDb();
  await requireStudyAccess(db, await requireUser(req), studyId, 'manage');
  return assignSample(db, studyId, sampleId, input);
});
