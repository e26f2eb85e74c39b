import { searchParams } from '@/lib/api/handler';
import { listChanges } from '@/lib/coding/codebook/list-changes';
import { historyQuery } from '@/lib/coding/codebook/schemas';
import { studyRoute } from '@/lib/coding/study-route';

export const dynamic = 'force-dynamic';

// GET /api/studies/:id/codebook/history?limit= — who changed what, when and why, newest first
export const GET = studyRoute('read', async (req, { db, studyId }) => ({ changes: await listChanges(db, studyId, historyQuery.parse(searchParams(req))) }));
