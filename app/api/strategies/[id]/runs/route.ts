import { readJson, route } from '@/lib/api/handler';
import { getDatabase } from '@/lib/db/client';
import { idParam } from '@/lib/browse/schemas';
import { startCollectionRun } from '@/lib/jobs/enqueue-collection';
import { runSourceInput } from '@/lib/kaggle/runs/schemas';

type Ctx = { params: Promise<{ id: string }> };

// POST /api/strategies/:id/runs — record a collection run and queue its job; a worker executes it
export const POST = route(async (req, { params }: Ctx) => {
  const { source } = runSourceInput.parse(await readJson(req));
  return startCollectionRun(await getDatabase(), idParam.parse((await params).id), source);
}, { roles: ['admin', 'supervisor'] });
