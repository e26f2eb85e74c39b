import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { getQueueStats } from '@/lib/jobs/monitor/queue-stats';

// GET /api/jobs/stats — queue depth by state, throughput over the last hour, ETA, paused, batch progress
export const GET = route(async () => getQueueStats(await getDb()));
