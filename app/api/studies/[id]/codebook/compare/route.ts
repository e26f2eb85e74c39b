import { searchParams } from '@/lib/api/handler';
import { compareCodebooks } from '@/lib/coding/codebook/compare-codebooks';
import { listCodes } from '@/lib/coding/codebook/get-codebook';
import { getCodebookAt } from '@/lib/coding/codebook/get-codebook-at';
import { compareQuery } from '@/lib/coding/codebook/schemas';
import { studyRoute } from '@/lib/coding/study-route';

export const dynamic = 'force-dynamic';

// GET /api/studies/:id/codebook/compare?at= — what changed between the codebook at `at` and today
export const GET = studyRoute('read', async (req, { db, studyId }) => {
  const { at } = compareQuery.parse(searchParams(req));
  const [then, today] = [await getCodebookAt(db, studyId, at), await listCodes(db, studyId)];
  return { at: then.at, ...compareCodebooks(then.codes, today) };
});
