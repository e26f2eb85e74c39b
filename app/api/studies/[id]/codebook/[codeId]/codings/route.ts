import { listCodeCodings } from '@/lib/coding/codebook/list-code-codings';
import { codeIdParam } from '@/lib/coding/codebook/schemas';
import { studyRoute } from '@/lib/coding/study-route';

export const dynamic = 'force-dynamic';

// GET /api/studies/:id/codebook/:codeId/codings — the codings made with a code, to choose which follow a split (supervisors)
export const GET = studyRoute<{ id: string; codeId: string }>('manage', async (_req, { db, studyId }, p) => ({
  codings: await listCodeCodings(db, studyId, codeIdParam.parse(p.codeId)),
}));
