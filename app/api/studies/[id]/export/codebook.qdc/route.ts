import { route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { listCodes } from '@/lib/coding/codebook/get-codebook';
import { studyIdParam } from '@/lib/coding/studies/schemas';
import { getDb } from '@/lib/db/client';
import { attachment } from '@/lib/api/attachment';
import { exportQdc } from '@/lib/refi/export-qdc';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

// GET /api/studies/:id/export/codebook.qdc — the codebook as a REFI-QDA codebook
export const GET = route(async (req, { params }: Ctx) => {
  const [db, user, studyId] = [await getDb(), await requireUser(req), studyIdParam.parse((await params).id)];
  await requireStudyAccess(db, user, studyId, 'read');
  return attachment(exportQdc(await listCodes(db, studyId)), `study-${studyId}-codebook.qdc`, 'application/xml; charset=utf-8');
});
