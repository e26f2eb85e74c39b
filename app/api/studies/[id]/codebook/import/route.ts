import { z } from 'zod';
import { searchParams } from '@/lib/api/handler';
import { importCodebook } from '@/lib/coding/codebook/import-codebook';
import { readCodebookFile } from '@/lib/coding/codebook/read-codebook-file';
import { studyRoute } from '@/lib/coding/study-route';

const importQuery = z.object({ format: z.enum(['csv', 'qdc']).optional(), reason: z.string().max(2000).optional() });

// POST /api/studies/:id/codebook/import?format=&reason= — body: a .qdc or CSV codebook; adds and updates codes by path
export const POST = studyRoute('manage', async (req, { db, user, studyId }) => {
  const q = importQuery.parse(searchParams(req));
  const entries = readCodebookFile(await req.text(), q.format);
  return importCodebook(db, user.id, studyId, entries, q.reason);
});
