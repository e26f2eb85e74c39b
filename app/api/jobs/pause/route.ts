import { z } from 'zod';
import { readJson, route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { setQueuePaused } from '@/lib/jobs/queue-controls';

const body = z.object({ paused: z.boolean() });

// POST /api/jobs/pause {paused} — pause or resume the reproduce queues for every worker
export const POST = route(async (req) => {
  const { paused } = body.parse(await readJson(req));
  await setQueuePaused(await getDb(), paused);
  return { paused };
}, { roles: ['admin', 'supervisor'] });
