import { route, searchParams } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { jobQuery, listJobs } from '@/lib/jobs/monitor/list-jobs';

// GET /api/jobs?state=&notebook=&queue=&page= — jobs of every queue (or one), running first, with notebook, worker and result
export const GET = route(async (req) => listJobs(await getDb(), jobQuery.parse(searchParams(req))));
