import { route, searchParams } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { compareCodebooks } from '@/lib/coding/codebook/compare-codebooks';
import { listCodes } from '@/lib/coding/codebook/get-codebook';
import { getCodebookAt } from '@/lib/coding/codebook/get-codebook-at';
import { compareQuery } from '@/lib/coding/codebook/schemas';
import { studyIdParam } from '@/lib/coding/studies/schemas';
import { getDb } from '@/lib/db/client';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

// GET /api/studies/:id/codebook/compare?at= — what changed between the codebook at `at` and today
export const GET = route(async (req, { params }: Ctx) => {
  const [db, user, studyId] = [await getDb(), await requireUser(req), studyIdParam.parse((await params).id)];
  const { at } = compareQuery.parse(searchParams(req));
  await requireStudyAccess(db, user, studyId, 'read');
  const [then, today] = [await getCodebookAt(db, studyId, at), await listCodes(db, studyId)];
  return { at: then.at, ...compareCodebooks(then.codes, today) };
});
