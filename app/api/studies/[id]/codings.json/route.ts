import { route, searchParams } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { codingsDownload } from '@/lib/coding/agreement/export-response';
import { exportCodingsQuery } from '@/lib/coding/agreement/schemas';
import { exportCodings } from '@/lib/coding/export-codings';
import { getDb } from '@/lib/db/client';
import { idParam } from '@/lib/browse/schemas';

type Ctx = { params: Promise<{ id: string }> };

// GET /api/studies/:id/codings.json?sample= — every submitted and consensus coding, one row each (supervisors and admins)
export const GET = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const studyId = idParam.parse((await params).id);
  const q = exportCodingsQuery.parse(searchParams(req));
  const db = await getDb();
  await requireStudyAccess(db, user, studyId, 'manage');
  const rows = await exportCodings(db, { studyId, sampleId: q.sample });
  return codingsDownload(rows, 'json', `study-${studyId}${q.sample ? `-sample-${q.sample}` : ''}-codings`);
});
