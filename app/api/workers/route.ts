import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { listWorkers } from '@/lib/jobs/monitor/list-workers';

// GET /api/workers — workers with their current jobs, stale ones marked; the executors live workers offer
export const GET = route(async () => listWorkers(await getDb()));
