import { readJson } from '@/lib/api/handler';
import { codeIdParam, splitCodeBody } from '@/lib/coding/codebook/schemas';
import { splitCode } from '@/lib/coding/codebook/split-code';
import { studyRoute } from '@/lib/coding/study-route';

// POST /api/studies/:id/codebook/:codeId/split — into new codes beside it, chosen codings following them
export const POST = studyRoute<{ id: string; codeId: string }>('manage', async (req, { db, user, studyId }, p) =>
  splitCode(db, user.id, studyId, codeIdParam.parse(p.codeId), splitCodeBody.parse(await readJson(req))),
);
