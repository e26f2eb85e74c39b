import { readJson, route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { idParam } from '@/lib/browse/schemas';
import { startRun } from '@/lib/kaggle/runs/run-state';
import { runSourceInput } from '@/lib/kaggle/runs/schemas';

type Ctx = { params: Promise<{ id: string }> };

// POST /api/strategies/:id/runs — queue a collection run; the background worker executes it
export const POST = route(async (req, { params }: Ctx) => {
  const { source } = runSourceInput.parse(await readJson(req));
  return startRun(await getDb(), idParam.parse((await params).id), source);
}, { roles: ['admin', 'supervisor'] });
