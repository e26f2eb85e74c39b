import { readJson } from '@/lib/api/handler';
import { previewSample } from '@/lib/coding/samples/preview-sample';
import { sampleDefinition } from '@/lib/coding/samples/schemas';
import { studyRoute } from '@/lib/coding/study-route';

// POST /api/studies/:id/samples/preview — how many items a definition would draw, nothing saved
export const POST = studyRoute('manage', async (req, { db }) => previewSample(db, sampleDefinition.parse(await readJson(req))));
