import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { mergeCodes } from '@/lib/coding/codebook/merge-codes';
import { mergeCodesBody } from '@/lib/coding/codebook/schemas';
import { studyIdParam } from '@/lib/coding/studies/schemas';
import { getDb } from '@/lib/db/client';

type Ctx = { params: Promise<{ id: string }> };

// POST /api/studies/:id/codebook/merge — merge codes into a survivor; their codings follow it
export const POST = route(async (req, { params }: Ctx) => {
  const [db, user, studyId] = [await getDb(), await requireUser(req), studyIdParam.parse((await params).id)];
  const body = mergeCodesBody.parse(await readJson(req));
  await requireStudyAccess(db, user, studyId, 'manage');
  return mergeCodes(db, user.id, studyId, body);
});
