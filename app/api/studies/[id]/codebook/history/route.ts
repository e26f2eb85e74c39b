import { route, searchParams } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { listChanges } from '@/lib/coding/codebook/list-changes';
import { historyQuery } from '@/lib/coding/codebook/schemas';
import { studyIdParam } from '@/lib/coding/studies/schemas';
import { getDb } from '@/lib/db/client';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

// GET /api/studies/:id/codebook/history?limit= — who changed what, when and why, newest first
export const GET = route(async (req, { params }: Ctx) => {
  const [db, user, studyId] = [await getDb(), await requireUser(req), studyIdParam.parse((await params).id)];
  const { limit } = historyQuery.parse(searchParams(req));
  await requireStudyAccess(db, user, studyId, 'read');
  return { changes: await listChanges(db, studyId, { limit }) };
});
