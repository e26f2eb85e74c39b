import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { moveCode } from '@/lib/coding/codebook/move-code';
import { codeIdParam, moveCodeBody } from '@/lib/coding/codebook/schemas';
import { studyIdParam } from '@/lib/coding/studies/schemas';
import { getDb } from '@/lib/db/client';

type Ctx = { params: Promise<{ id: string; codeId: string }> };

// POST /api/studies/:id/codebook/:codeId/move — under another parent (null = top level), at a position
export const POST = route(async (req, { params }: Ctx) => {
  const p = await params;
  const [db, user, studyId, codeId] = [await getDb(), await requireUser(req), studyIdParam.parse(p.id), codeIdParam.parse(p.codeId)];
  const body = moveCodeBody.parse(await readJson(req));
  await requireStudyAccess(db, user, studyId, 'manage');
  return moveCode(db, user.id, studyId, codeId, body);
});
