import { readJson, route, searchParams } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { createCode } from '@/lib/coding/codebook/create-code';
import { getCodebook } from '@/lib/coding/codebook/get-codebook';
import { getCodebookAt } from '@/lib/coding/codebook/get-codebook-at';
import { atQuery, createCodeBody } from '@/lib/coding/codebook/schemas';
import { studyIdParam } from '@/lib/coding/studies/schemas';
import { getDb } from '@/lib/db/client';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

// GET /api/studies/:id/codebook?at= — the codebook today (with uses per code), or as it stood at `at`
export const GET = route(async (req, { params }: Ctx) => {
  const [db, user, studyId] = [await getDb(), await requireUser(req), studyIdParam.parse((await params).id)];
  const { at } = atQuery.parse(searchParams(req));
  await requireStudyAccess(db, user, studyId, 'read');
  return at ? getCodebookAt(db, studyId, at) : getCodebook(db, studyId);
});

// POST /api/studies/:id/codebook — create a category or code
export const POST = route(async (req, { params }: Ctx) => {
  const [db, user, studyId] = [await getDb(), await requireUser(req), studyIdParam.parse((await params).id)];
  const body = createCodeBody.parse(await readJson(req));
  await requireStudyAccess(db, user, studyId, 'manage');
  return createCode(db, user.id, studyId, body);
});
