import { readJson, route } from '@/lib/api/handler';
import { getDatabase } from '@/lib/db/client';
import { preflightNotebooks } from '@/lib/execute/preflight/preflight-notebooks';
import { resolveReproduceTarget } from '@/lib/jobs/enqueue-reproductions';
import { listWorkers } from '@/lib/jobs/monitor/list-workers';
import { reproduceRequestSchema } from '@/lib/jobs/reproduce-request';

// POST /api/reproductions/preflight — what the notebooks of a target need that their runtime lacks (modules, datasets), before queuing
export const POST = route(async (req) => {
  const { executor, ...rest } = reproduceRequestSchema.parse(await readJson(req));
  const store = await getDatabase();
  const chosen = executor ?? (await listWorkers(store.db)).defaultExecutor;
  const target = 'notebookIds' in rest ? { notebookIds: rest.notebookIds } : 'all' in rest ? { all: true as const } : { strategyRunId: rest.strategyRunId };
  return preflightNotebooks(store.db, store.dataDir, await resolveReproduceTarget(store.db, target), chosen);
}, { roles: ['admin', 'supervisor'] });
