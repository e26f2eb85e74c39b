import { searchParams } from '@/lib/api/handler';
import { exportCodingsQuery } from '@/lib/coding/agreement/schemas';
import { machineAgreement } from '@/lib/coding/machine/machine-agreement';
import { aggregateScope } from '@/lib/coding/queue/blind-items';
import { studyRoute } from '@/lib/coding/study-route';

// GET /api/studies/:id/machine-agreement?sample= — the analysis engine as a coder against consensus and each coder (blind rule for aggregates)
export const GET = studyRoute('read', async (req, { db, studyId, viewer }) => {
  const q = exportCodingsQuery.parse(searchParams(req));
  return machineAgreement(db, { studyId, sampleId: q.sample }, await aggregateScope(db, studyId, viewer));
});
