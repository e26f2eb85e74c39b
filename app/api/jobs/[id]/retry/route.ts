import { z } from 'zod';
import { route } from '@/lib/api/handler';
import { getDatabase } from '@/lib/db/client';
import { retryJob } from '@/lib/jobs/queue-controls';

type Ctx = { params: Promise<{ id: string }> };

// POST /api/jobs/:id/retry — run a failed or cancelled job again
export const POST = route(async (_req, { params }: Ctx) => {
  const id = z.uuid().parse((await params).id);
  await retryJob(await getDatabase(), id);
  return { id, retried: true };
}, { roles: ['admin', 'supervisor'] });
