import { z } from 'zod';
import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { getJob } from '@/lib/jobs/monitor/get-job';

type Ctx = { params: Promise<{ id: string }> };

// GET /api/jobs/:id — one job with its log tail (live while it runs)
export const GET = route(async (_req, { params }: Ctx) => getJob(await getDb(), z.uuid().parse((await params).id)));
