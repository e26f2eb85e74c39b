import { z } from 'zod';
import { route, searchParams } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { requireStudyAccess } from '@/lib/coding/access';
import { importCodebook } from '@/lib/coding/codebook/import-codebook';
import { readCodebookFile } from '@/lib/coding/codebook/read-codebook-file';
import { studyIdParam } from '@/lib/coding/studies/schemas';
import { getDb } from '@/lib/db/client';

type Ctx = { params: Promise<{ id: string }> };
const importQuery = z.object({ format: z.enum(['csv', 'qdc']).optional(), reason: z.string().max(2000).optional() });

// POST /api/studies/:id/codebook/import?format=&reason= — body: a .qdc or CSV codebook; adds and updates codes by path
export const POST = route(async (req, { params }: Ctx) => {
  const [db, user, studyId] = [await getDb(), await requireUser(req), studyIdParam.parse((await params).id)];
  const q = importQuery.parse(searchParams(req));
  await requireStudyAccess(db, user, studyId, 'manage');
  const entries = readCodebookFile(await req.text(), q.format);
  return importCodebook(db, user.id, studyId, entries, q.reason);
});
