import { route, searchParams } from '@/lib/api/handler';
import { progressQuery } from '@/lib/coding/agreement/schemas';
import { getProgress } from '@/lib/coding/progress/get-progress';
import { aggregateScope } from '@/lib/coding/queue/blind-items';
import { openStudy } from '@/lib/coding/study-route';

// GET /api/progress?study=&batch= — the supervisor dashboard: funnel, coders' throughput, agreement over time, saturation (blind rule for aggregates)
export const GET = route(async (req) => {
  const q = progressQuery.parse(searchParams(req));
  const { db, viewer } = await openStudy(req, q.study, 'read');
  return getProgress(db, q.study, { batchSize: q.batch, visible: await aggregateScope(db, q.study, viewer) });
});
