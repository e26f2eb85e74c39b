import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { idParam } from '@/lib/browse/schemas';
import { getExecution } from '@/lib/execute/summary/get-execution';

type Ctx = { params: Promise<{ id: string }> };

// GET /api/executions/:id — one execution's result, per-cell durations and figure pairs (original | reproduced)
export const GET = route(async (_req, { params }: Ctx) => getExecution(await getDb(), idParam.parse((await params).id)));
