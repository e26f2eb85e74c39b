import { readJson } from '@/lib/api/handler';
import { labelMapBody, listLabelMap, machineSettingsBody, setLabelMapping, setMachineSuggestions } from '@/lib/coding/machine/label-map';
import { studyRoute } from '@/lib/coding/study-route';

// GET /api/studies/:id/label-map — which codes stand for which chart type / ML stage, and the suggestion setting
export const GET = studyRoute('read', (_req, { db, studyId }) => listLabelMap(db, studyId));

// PUT /api/studies/:id/label-map — map one code: { codeId, field: 'chartType'|'mlStage'|null, value }
export const PUT = studyRoute('manage', async (req, { db, studyId }) => setLabelMapping(db, studyId, labelMapBody.parse(await readJson(req))));

// PATCH /api/studies/:id/label-map — { showMachineSuggestions } (show the machine's labels in the workspace)
export const PATCH = studyRoute('manage', async (req, { db, studyId }) =>
  setMachineSuggestions(db, studyId, machineSettingsBody.parse(await readJson(req)).showMachineSuggestions),
);
