import { attachment } from '@/lib/api/attachment';
import { exportCodebookCsv } from '@/lib/coding/codebook/export-codebook-csv';
import { listCodes } from '@/lib/coding/codebook/get-codebook';
import { studyRoute } from '@/lib/coding/study-route';

export const dynamic = 'force-dynamic';

// GET /api/studies/:id/export/codebook.csv — the codebook as CSV (one row per code, parents first)
export const GET = studyRoute('read', async (_req, { db, studyId }) =>
  attachment(exportCodebookCsv(await listCodes(db, studyId)), `study-${studyId}-codebook.csv`, 'text/csv; charset=utf-8'),
);
