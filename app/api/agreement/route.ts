import { route, searchParams } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { computeAgreement } from '@/lib/coding/agreement/compute-agreement';
import { agreementQuery } from '@/lib/coding/agreement/schemas';
import { getDb } from '@/lib/db/client';

// GET /api/agreement?study=&sample= — agreement figures overall and per code (aggregates only, so any member may see them)
export const GET = route(async (req) => {
  const user = await requireUser(req);
  const q = agreementQuery.parse(searchParams(req));
  const db = await getDb();
  await requireStudyAccess(db, user, q.study, 'read');
  return computeAgreement(db, { studyId: q.study, sampleId: q.sample });
});
