import { readJson } from '@/lib/api/handler';
import { createSample } from '@/lib/coding/samples/create-sample';
import { listSamples } from '@/lib/coding/samples/list-samples';
import { createSampleInput } from '@/lib/coding/samples/schemas';
import { studyRoute } from '@/lib/coding/study-route';

// GET /api/studies/:id/samples — the study's samples with their progress per coder
export const GET = studyRoute('read', async (_req, { db, studyId }) => ({ samples: await listSamples(db, studyId) }));

// POST /api/studies/:id/samples — draw and save a sample from the gallery's filters
export const POST = studyRoute('manage', async (req, { db, user, studyId }) =>
  Response.json(await createSample(db, user.id, studyId, createSampleInput.parse(await readJson(req))), { status: 201 }),
);
