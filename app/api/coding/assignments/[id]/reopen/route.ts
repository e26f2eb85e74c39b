import { getDb } from '@/lib/db/client';
import { route } from '@/lib/api/handler';
import { requireUser } from '@/lib/auth/session';
import { setAssignmentStatus } from '@/lib/coding/queue/set-status';
import { assignmentIdParam } from '@/lib/coding/queue/schemas';

// POST /api/coding/assignments/:id/reopen — back to pending to change it (blind again until all resubmit)
export const POST = route(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = assignmentIdParam.parse((await params).id);
  return setAssignmentStatus(await getDb(), await requireUser(req), id, 'reopen');
});
