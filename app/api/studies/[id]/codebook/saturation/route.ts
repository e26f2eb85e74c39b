import { searchParams } from '@/lib/api/handler';
import { saturationQuery } from '@/lib/coding/codebook/schemas';
import { aggregateScope } from '@/lib/coding/queue/blind-items';
import { computeSaturation } from '@/lib/coding/saturation';
import { studyRoute } from '@/lib/coding/study-route';

export const dynamic = 'force-dynamic';

// GET /api/studies/:id/codebook/saturation?batch=N — new codes per batch of N coded visualisations (blind items the viewer may not know of left out)
export const GET = studyRoute('read', async (req, { db, studyId, viewer }) => {
  const { batch } = saturationQuery.parse(searchParams(req));
  return { batchSize: batch, points: await computeSaturation(db, studyId, batch, await aggregateScope(db, studyId, viewer)) };
});
