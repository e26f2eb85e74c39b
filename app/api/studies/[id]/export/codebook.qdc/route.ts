import { attachment } from '@/lib/api/attachment';
import { listCodes } from '@/lib/coding/codebook/get-codebook';
import { studyRoute } from '@/lib/coding/study-route';
import { exportQdc } from '@/lib/refi/export-qdc';

export const dynamic = 'force-dynamic';

// GET /api/studies/:id/export/codebook.qdc — the codebook as a REFI-QDA codebook
export const GET = studyRoute('read', async (_req, { db, studyId }) =>
  attachment(exportQdc(await listCodes(db, studyId)), `study-${studyId}-codebook.qdc`, 'application/xml; charset=utf-8'),
);
