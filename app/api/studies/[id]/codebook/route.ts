import { readJson, searchParams } from '@/lib/api/handler';
import { createCode } from '@/lib/coding/codebook/create-code';
import { getCodebook } from '@/lib/coding/codebook/get-codebook';
import { getCodebookAt } from '@/lib/coding/codebook/get-codebook-at';
import { atQuery, createCodeBody } from '@/lib/coding/codebook/schemas';
import { aggregateScope } from '@/lib/coding/queue/blind-items';
import { studyRoute } from '@/lib/coding/study-route';

export const dynamic = 'force-dynamic';

// GET /api/studies/:id/codebook?at= — the codebook today (with uses per code, as far as the viewer may know), or as it stood at `at`
export const GET = studyRoute('read', async (req, { db, studyId, viewer }) => {
  const { at } = atQuery.parse(searchParams(req));
  return at ? getCodebookAt(db, studyId, at) : getCodebook(db, studyId, await aggregateScope(db, studyId, viewer));
});

// POST /api/studies/:id/codebook — create a category or code
export const POST = studyRoute('manage', async (req, { db, user, studyId }) => {
  const body = createCodeBody.parse(await readJson(req));
  return createCode(db, user.id, studyId, body);
});
