import { route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { listCodeCodings } from '@/lib/coding/codebook/list-code-codings';
import { codeIdParam } from '@/lib/coding/codebook/schemas';
import { studyIdParam } from '@/lib/coding/studies/schemas';
import { getDb } from '@/lib/db/client';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string; codeId: string }> };

// GET /api/studies/:id/codebook/:codeId/codings — the codings made with a code, to choose which follow a split (supervisors)
export const GET = route(async (req, { params }: Ctx) => {
  const p = await params;
  const [db, user, studyId, codeId] = [await getDb(), await requireUser(req), studyIdParam.parse(p.id), codeIdParam.parse(p.codeId)];
  await requireStudyAccess(db, user, studyId, 'manage');
  return { codings: await listCodeCodings(db, studyId, codeId) };
});
