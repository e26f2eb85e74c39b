import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { deprecateCode } from '@/lib/coding/codebook/deprecate-code';
import { codeIdParam, deprecateBody, updateCodeBody } from '@/lib/coding/codebook/schemas';
import { updateCode } from '@/lib/coding/codebook/update-code';
import { studyIdParam } from '@/lib/coding/studies/schemas';
import { getDb } from '@/lib/db/client';

type Ctx = { params: Promise<{ id: string; codeId: string }> };

// PATCH /api/studies/:id/codebook/:codeId — rename, edit definitions, colour, shortcut, examples; reactivate
export const PATCH = route(async (req, { params }: Ctx) => {
  const p = await params;
  const [db, user, studyId, codeId] = [await getDb(), await requireUser(req), studyIdParam.parse(p.id), codeIdParam.parse(p.codeId)];
  const body = updateCodeBody.parse(await readJson(req));
  await requireStudyAccess(db, user, studyId, 'manage');
  return updateCode(db, user.id, studyId, codeId, body);
});

// DELETE /api/studies/:id/codebook/:codeId — deprecate (codes are never deleted: codings keep them); body { reason }
export const DELETE = route(async (req, { params }: Ctx) => {
  const p = await params;
  const [db, user, studyId, codeId] = [await getDb(), await requireUser(req), studyIdParam.parse(p.id), codeIdParam.parse(p.codeId)];
  const { reason } = deprecateBody.parse(await readJson(req));
  await requireStudyAccess(db, user, studyId, 'manage');
  return { deprecated: await deprecateCode(db, user.id, studyId, codeId, reason) };
});
