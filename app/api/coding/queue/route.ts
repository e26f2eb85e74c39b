import { getDb } from '@/lib/db/client';
import { route, searchParams } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { getQueue } from '@/lib/coding/queue/get-queue';
import { queueQuery } from '@/lib/coding/queue/schemas';

// GET /api/coding/queue — my assignments across studies (or ?studyId=), with done/left per sample
export const GET = route(async (req: Request) => {
  const { studyId } = queueQuery.parse(searchParams(req));
  const user = await requireUser(req);
  return getQueue(await getDb(), user.id, { studyId });
});
