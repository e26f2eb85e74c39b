import { attachment } from '../../api/attachment';
import { route, searchParams } from '../../api/handler';
import { requireUser } from '../../auth/session';
import { idParam } from '../../browse/schemas';
import { getDb } from '../../db/client';
import { requireStudyAccess } from '../access';
import { codingsToCsv, exportCodings, type CodingRow } from '../export-codings';
import { exportCodingsQuery } from './schemas';

/** The codings export as a download: CSV (for `vizmine agreement` and spreadsheets) or JSON. */
export function codingsDownload(rows: CodingRow[], format: 'csv' | 'json', name: string): Response {
  const body = format === 'csv' ? codingsToCsv(rows) : JSON.stringify({ codings: rows }, null, 2);
  return attachment(body, `${name}.${format}`, format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
}

type StudyCtx = { params: Promise<{ id: string }> };

/** GET /api/studies/:id/codings.<format>?sample= — the study's codings as a download (supervisors and admins). */
export function codingsDownloadRoute(format: 'csv' | 'json') {
  return route(async (req, { params }: StudyCtx) => {
    const user = await requireUser(req);
    const studyId = idParam.parse((await params).id);
    const q = exportCodingsQuery.parse(searchParams(req));
    const db = await getDb();
    await requireStudyAccess(db, user, studyId, 'manage');
    const rows = await exportCodings(db, { studyId, sampleId: q.sample });
    return codingsDownload(rows, format, `study-${studyId}${q.sample ? `-sample-${q.sample}` : ''}-codings`);
  });
}
