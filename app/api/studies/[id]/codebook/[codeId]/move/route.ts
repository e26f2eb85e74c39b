import { readJson } from '@/lib/api/handler';
import { moveCode } from '@/lib/coding/codebook/move-code';
import { codeIdParam, moveCodeBody } from '@/lib/coding/codebook/schemas';
import { studyRoute } from '@/lib/coding/study-route';

// POST /api/studies/:id/codebook/:codeId/move — under another parent (null = top level), at a position
export const POST = studyRoute<{ id: string; codeId: string }>('manage', async (req, { db, user, studyId }, p) =>
  moveCode(db, user.id, studyId, codeIdParam.parse(p.codeId), moveCodeBody.parse(await readJson(req))),
);
