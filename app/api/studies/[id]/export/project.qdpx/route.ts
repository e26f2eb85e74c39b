import { route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { studyIdParam } from '@/lib/coding/studies/schemas';
import { blobDir } from '@/lib/config';
import { getDatabase } from '@/lib/db/client';
import { attachment } from '@/lib/api/attachment';
import { exportQdpx } from '@/lib/refi/export-qdpx';

export const dynamic = 'force-dynamic';
type Ctx = { params: Promise<{ id: string }> };

// GET /api/studies/:id/export/project.qdpx — the study as a REFI-QDA project (every coder's codings: supervisors only)
export const GET = route(async (req, { params }: Ctx) => {
  const [store, user, studyId] = [await getDatabase(), await requireUser(req), studyIdParam.parse((await params).id)];
  await requireStudyAccess(store.db, user, studyId, 'manage');
  const out = await exportQdpx(store.db, blobDir(store.dataDir), studyId);
  const res = attachment(out.bytes, `study-${studyId}.qdpx`, 'application/zip');
  // What was left out, for the page to say so (the zip itself cannot).
  res.headers.set('X-Vizmine-Skipped', String(out.skippedWithoutImage + out.missingImages));
  return res;
});
