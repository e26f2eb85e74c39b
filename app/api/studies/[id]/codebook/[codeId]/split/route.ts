import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { codeIdParam, splitCodeBody } from '@/lib/coding/codebook/schemas';
import { splitCode } from '@/lib/coding/codebook/split-code';
import { studyIdParam } from '@/lib/coding/studies/schemas';
import { getDb } from '@/lib/db/client';

type Ctx = { params: Promise<{ id: string; codeId: string }> };

// POST /api/studies/:id/codebook/:codeId/split — into new codes beside it, chosen codings following them
export const POST = route(async (req, { params }: Ctx) => {
  const p = await params;
  const [db, user, studyId, codeId] = [await getDb(), await requireUser(req), studyIdParam.parse(p.id), codeIdParam.parse(p.codeId)];
  const body = splitCodeBody.parse(await readJson(req));
  await requireStudyAccess(db, user, studyId, 'manage');
  return splitCode(db, user.id, studyId, codeId, body);
});
