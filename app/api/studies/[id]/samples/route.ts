import { getDb } from '@/lib/db/client';
import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { idParam } from '@/lib/browse/schemas';
import { requireStudyAccess } from '@/lib/coding/access';
import { createSample } from '@/lib/coding/samples/create-sample';
import { listSamples } from '@/lib/coding/samples/list-samples';
import { createSampleInput } from '@/lib/coding/samples/schemas';

type Ctx = { params: Promise<{ id: string }> };

// GET /api/studies/:id/samples — the study's samples with their progress per coder
export const GET = route(async (req: Request, { params }: Ctx) => {
  const studyId = idParam.parse((await params).id);
  const db = await getDb();
  await requireStudyAccess(db, await requireUser(req), studyId, 'read');
  return { samples: await listSamples(db, studyId) };
});

// POST /api/studies/:id/samples — draw and save a sample from the gallery's filters
export const POST = route(async (req: Request, { params }: Ctx) => {
  const studyId = idParam.parse((await params).id);
  const input = createSampleInput.parse(await readJson(req));
  const db = await getDb();
  const user = await requireUser(req);
  await requireStudyAccess(db, user, studyId, 'manage');
  return Response.json(await createSample(db, user.id, studyId, input), { status: 201 });
});
