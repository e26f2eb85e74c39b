import { readJson } from '@/lib/api/handler';
import { getStudy } from '@/lib/coding/studies/get-study';
import { setOpenCoding } from '@/lib/coding/studies/open-coding';
import { studySettingsInput } from '@/lib/coding/studies/schemas';
import { studyRoute } from '@/lib/coding/study-route';

export const dynamic = 'force-dynamic';

// GET /api/studies/:id — one study with its members (404 for those who are not members)
export const GET = studyRoute('read', async (_req, { db, user, studyId }) => getStudy(db, user, studyId));

// PATCH /api/studies/:id — change the study's settings (open coding); its supervisors and admins only
export const PATCH = studyRoute('manage', async (req, { db, studyId }) => setOpenCoding(db, studyId, studySettingsInput.parse(await readJson(req)).openCoding));
