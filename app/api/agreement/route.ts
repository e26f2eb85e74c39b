import { route, searchParams } from '@/lib/api/handler';
import { computeAgreement } from '@/lib/coding/agreement/compute-agreement';
import { agreementQuery } from '@/lib/coding/agreement/schemas';
import { aggregateScope } from '@/lib/coding/queue/blind-items';
import { openStudy } from '@/lib/coding/study-route';

// GET /api/agreement?study=&sample= — agreement figures overall and per code (aggregates; blind items the viewer may not know about yet left out)
export const GET = route(async (req) => {
  const q = agreementQuery.parse(searchParams(req));
  const { db, viewer } = await openStudy(req, q.study, 'read');
  return computeAgreement(db, { studyId: q.study, sampleId: q.sample }, await aggregateScope(db, q.study, viewer));
});
