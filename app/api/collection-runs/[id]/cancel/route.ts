import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { idParam } from '@/lib/browse/schemas';
import { cancelRun } from '@/lib/kaggle/runs/run-state';

type Ctx = { params: Promise<{ id: string }> };

// POST /api/collection-runs/:id/cancel — stop a queued or running collection
export const POST = route(async (_req, { params }: Ctx) => cancelRun(await getDb(), idParam.parse((await params).id)), { roles: ['admin', 'supervisor'] });
