import { z } from 'zod';
import { route, searchParams } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { idParam } from '@/lib/browse/schemas';
import { listRuns } from '@/lib/kaggle/runs/run-state';

export const dynamic = 'force-dynamic';

// GET /api/collection-runs?strategy=:id — collection runs, newest first
export const GET = route(async (req) => {
  const { strategy } = z.object({ strategy: idParam.optional() }).parse(searchParams(req));
  return { runs: await listRuns(await getDb(), strategy) };
});
