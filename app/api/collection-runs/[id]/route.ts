import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { idParam } from '@/lib/browse/schemas';
import { getRunDetail } from '@/lib/kaggle/runs/run-detail';

type Ctx = { params: Promise<{ id: string }> };

// GET /api/collection-runs/:id — a run's progress counters and its sampled notebooks
export const GET = route(async (_req, { params }: Ctx) => getRunDetail(await getDb(), idParam.parse((await params).id)));
