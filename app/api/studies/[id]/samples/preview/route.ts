import { getDb } from '@/lib/db/client';
import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { idParam } from '@/lib/browse/schemas';
import { requireStudyAccess } from '@/lib/coding/access';
import { previewSample } from '@/lib/coding/samples/preview-sample';
import { sampleDefinition } from '@/lib/coding/samples/schemas';

// POST /api/studies/:id/samples/preview — how many items a definition would draw, nothing saved
export const POST = route(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const studyId = idParam.parse((await params).id);
  const def = sampleDefinition.parse(await readJson(req));
  const db = await getDb();
  await requireStudyAccess(db, await requireUser(req), studyId, 'manage');
  return previewSample(db, def);
});
