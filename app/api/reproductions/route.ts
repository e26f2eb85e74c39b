import { readJson, route } from '@/lib/api/handler';
import { getDatabase } from '@/lib/db/client';
import { enqueueReproductions } from '@/lib/jobs/enqueue-reproductions';
import { listWorkers } from '@/lib/jobs/monitor/list-workers';
import { reproduceRequestSchema } from '@/lib/jobs/reproduce-request';

// POST /api/reproductions — queue reproductions of notebooks, a selection, every notebook, or a collection run's notebooks (skipBlocked: leave out those the pre-flight check finds blocked)
export const POST = route(async (req) => {
  const { executor, skipBlocked, runMissingDatasets, ...target } = reproduceRequestSchema.parse(await readJson(req));
  const store = await getDatabase();
  // Without a choice, the executor a live worker offers (containers first), else the host.
  const chosen = executor ?? (await listWorkers(store.db)).defaultExecutor;
  return enqueueReproductions(store, target, { executor: chosen }, { skipBlocked, runMissingDatasets });
}, { roles: ['admin', 'supervisor'] });
