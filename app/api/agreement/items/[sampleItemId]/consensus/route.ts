import { readJson, route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { consensusInput, sampleItemParam } from '@/lib/coding/agreement/schemas';
import { recordConsensus } from '@/lib/coding/consensus/record-consensus';
import { requireItemReviewer } from '@/lib/coding/consensus/require-item-reviewer';
import { getDb } from '@/lib/db/client';

type Ctx = { params: Promise<{ sampleItemId: string }> };

// PUT /api/agreement/items/:sampleItemId/consensus — record the item's consensus coding (replaces the previous one)
export const PUT = route(async (req, { params }: Ctx) => {
  const user = await requireUser(req);
  const id = sampleItemParam.parse((await params).sampleItemId);
  const body = consensusInput.parse(await readJson(req));
  const db = await getDb();
  await requireItemReviewer(db, user, id);
  return { consensus: await recordConsensus(db, user.id, id, body.codings) };
});
