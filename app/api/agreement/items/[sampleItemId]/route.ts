import { route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { getItemComparison } from '@/lib/coding/agreement/get-item-comparison';
import { sampleItemParam } from '@/lib/coding/agreement/schemas';
import { requireItemReviewer } from '@/lib/coding/consensus/require-item-reviewer';
import { getDb } from '@/lib/db/client';

type Ctx = { params: Promise<{ sampleItemId: string }> };

// GET /api/agreement/items/:sampleItemId — each coder's codings side by side, and the consensus so far
export const GET = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const id = sampleItemParam.parse((await params).sampleItemId);
  const db = await getDb();
  await requireItemReviewer(db, user, id);
  return getItemComparison(db, id);
});
