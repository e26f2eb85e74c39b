import { attachment } from '@/lib/api/attachment';
import { studyRoute } from '@/lib/coding/study-route';
import { blobDir } from '@/lib/config';
import { getDatabase } from '@/lib/db/client';
import { exportQdpx } from '@/lib/refi/export-qdpx';

export const dynamic = 'force-dynamic';

// GET /api/studies/:id/export/project.qdpx — the study as a REFI-QDA project (every coder's codings: supervisors only)
export const GET = studyRoute('manage', async (_req, { db, studyId }) => {
  const out = await exportQdpx(db, blobDir((await getDatabase()).dataDir), studyId);
  const res = attachment(out.bytes, `study-${studyId}.qdpx`, 'application/zip');
  // What was left out, for the page to say so (the zip itself cannot).
  res.headers.set('X-Vizmine-Skipped', String(out.skippedWithoutImage + out.missingImages));
  return res;
});
