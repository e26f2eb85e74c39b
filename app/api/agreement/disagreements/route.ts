import { route, searchParams } from '@/lib/api/handler';
import { listDisagreements } from '@/lib/coding/agreement/list-disagreements';
import { agreementQuery } from '@/lib/coding/agreement/schemas';
import { openStudy } from '@/lib/coding/study-route';

// GET /api/agreement/disagreements?study=&sample= — items whose coders chose different codes (a coder sees only their own, fully submitted items)
export const GET = route(async (req) => {
  const q = agreementQuery.parse(searchParams(req));
  const { db, user, viewer } = await openStudy(req, q.study, 'read');
  const manage = viewer.studyRole === 'admin' || viewer.studyRole === 'supervisor';
  return { disagreements: await listDisagreements(db, { studyId: q.study, sampleId: q.sample }, { userId: user.id, manage }) };
});
