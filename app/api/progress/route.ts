import { route, searchParams } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { progressQuery } from '@/lib/coding/agreement/schemas';
import { getProgress } from '@/lib/coding/progress/get-progress';
import { getDb } from '@/lib/db/client';

// GET /api/progress?study=&batch= — the supervisor dashboard: funnel, coders' throughput, agreement over time, saturation
export const GET = route(async (req) => {
  const user = await requireUser(req);
  const q = progressQuery.parse(searchParams(req));
  const db = await getDb();
  await requireStudyAccess(db, user, q.study, 'read');
  return getProgress(db, q.study, { batchSize: q.batch });
});
