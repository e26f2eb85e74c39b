import { readJson } from '@/lib/api/handler';
import { idParam } from '@/lib/browse/schemas';
import { assignSample } from '@/lib/coding/samples/assign-sample';
import { assignInput } from '@/lib/coding/samples/schemas';
import { studyRoute } from '@/lib/coding/study-route';

// POST /api/studies/:id/samples/:sampleId/assign — deal the sample to coders (once), with overlap and order
export const POST = studyRoute<{ id: string; sampleId: string }>('manage', async (req, { db, studyId }, p) =>
  assignSample(db, studyId, idParam.parse(p.sampleId), assignInput.parse(await readJson(req))),
);
