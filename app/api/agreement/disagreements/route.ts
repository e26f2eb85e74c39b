import { route, searchParams } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { listDisagreements } from '@/lib/coding/agreement/list-disagreements';
import { agreementQuery } from '@/lib/coding/agreement/schemas';
import { getDb } from '@/lib/db/client';

// GET /api/agreement/disagreements?study=&sample= — items whose coders chose different codes (a coder sees only their own, fully submitted items)
export const GET = route(async (req) => {
  const user = await requireUser(req);
  const q = agreementQuery.parse(searchParams(req));
  const db = await getDb();
  const { role } = await requireStudyAccess(db, user, q.study, 'read');
  const manage = role === 'admin' || role === 'supervisor';
  return { disagreements: await listDisagreements(db, { studyId: q.study, sampleId: q.sample }, { userId: user.id, manage }) };
});
