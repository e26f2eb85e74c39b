import { z } from 'zod';
import { route } from '@/lib/api/handler';
import { getDatabase } from '@/lib/db/client';
import { cancelJob } from '@/lib/jobs/queue-controls';

type Ctx = { params: Promise<{ id: string }> };

// POST /api/jobs/:id/cancel — cancel a waiting or running job
export const POST = route(async (_req, { params }: Ctx) => {
  const id = z.uuid().parse((await params).id);
  await cancelJob(await getDatabase(), id);
  return { id, cancelled: true };
}, { roles: ['admin', 'supervisor'] });
