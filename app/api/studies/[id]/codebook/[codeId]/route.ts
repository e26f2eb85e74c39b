import { readJson } from '@/lib/api/handler';
import { deprecateCode } from '@/lib/coding/codebook/deprecate-code';
import { codeIdParam, deprecateBody, updateCodeBody } from '@/lib/coding/codebook/schemas';
import { updateCode } from '@/lib/coding/codebook/update-code';
import { studyRoute } from '@/lib/coding/study-route';

type Params = { id: string; codeId: string };

// PATCH /api/studies/:id/codebook/:codeId — rename, edit definitions, colour, shortcut, examples; reactivate
export const PATCH = studyRoute<Params>('manage', async (req, { db, user, studyId }, p) =>
  updateCode(db, user.id, studyId, codeIdParam.parse(p.codeId), updateCodeBody.parse(await readJson(req))),
);

// DELETE /api/studies/:id/codebook/:codeId — deprecate (codes are never deleted: codings keep them); body { reason }
export const DELETE = studyRoute<Params>('manage', async (req, { db, user, studyId }, p) => {
  const { reason } = deprecateBody.parse(await readJson(req));
  return { deprecated: await deprecateCode(db, user.id, studyId, codeIdParam.parse(p.codeId), reason) };
});
