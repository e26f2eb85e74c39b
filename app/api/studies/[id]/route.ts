import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { requireStudyAccess } from '@/lib/coding/access';
import { getStudy } from '@/lib/coding/studies/get-study';
import { studyIdParam, studySettingsInput } from '@/lib/coding/studies/schemas';
import { setOpenCoding } from '@/lib/coding/studies/open-coding';

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ id: string }> };

// GET /api/studies/:id — one study with its members (404 for those who are not members)
export const GET = route(async (req, { params }: Ctx) => {
  const [db, user, id] = [await getDb(), await requireUser(req), studyIdParam.parse((await params).id)];
  await requireStudyAccess(db, user, id, 'read');
  return getStudy(db, user, id);
});

// PATCH /api/studies/:id — change the study's settings (open coding); its supervisors and admins only
export const PATCH = route(async (req, { params }: Ctx) => {
  const [db, user, id] = [await getDb(), await requireUser(req), studyIdParam.parse((await params).id)];
  await requireStudyAccess(db, user, id, 'manage');
  return setOpenCoding(db, id, studySettingsInput.parse(await readJson(req)).openCoding);
});
