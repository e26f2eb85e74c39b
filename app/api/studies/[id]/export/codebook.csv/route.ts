import { route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { exportCodebookCsv } from '@/lib/coding/codebook/export-codebook-csv';
import { listCodes } from '@/lib/coding/codebook/get-codebook';
import { studyIdParam } from '@/lib/coding/studies/schemas';
import { getDb } from '@/lib/db/client';
import { attachment } from '@/lib/api/attachment';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

// GET /api/studies/:id/export/codebook.csv — the codebook as CSV (one row per code, parents first)
export const GET = route(async (req, { params }: Ctx) => {
  const [db, user, studyId] = [await getDb(), await requireUser(req), studyIdParam.parse((await params).id)];
  await requireStudyAccess(db, user, studyId, 'read');
  return attachment(exportCodebookCsv(await listCodes(db, studyId)), `study-${studyId}-codebook.csv`, 'text/csv; charset=utf-8');
});
