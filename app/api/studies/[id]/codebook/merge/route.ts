import { readJson } from '@/lib/api/handler';
import { mergeCodes } from '@/lib/coding/codebook/merge-codes';
import { mergeCodesBody } from '@/lib/coding/codebook/schemas';
import { studyRoute } from '@/lib/coding/study-route';

// POST /api/studies/:id/codebook/merge — merge codes into a survivor; their codings follow it
export const POST = studyRoute('manage', async (req, { db, user, studyId }) => mergeCodes(db, user.id, studyId, mergeCodesBody.parse(await readJson(req))));
