import { z } from 'zod';
import { readJson, route } from '@/lib/api/handler';
import { getDatabase } from '@/lib/db/client';
import { executorKinds } from '@/lib/db/schema';
import { enqueueReproductions } from '@/lib/jobs/enqueue-reproductions';
import { listWorkers } from '@/lib/jobs/monitor/list-workers';

const id = z.number().int().positive().max(2_147_483_647);
const body = z.intersection(
  z.union([z.object({ notebookIds: z.array(id).min(1).max(100_000) }), z.object({ all: z.literal(true) }), z.object({ strategyRunId: id })]),
  z.object({ executor: z.enum(executorKinds).optional() }),
);

// POST /api/reproductions — queue reproductions of notebooks, a selection, every notebook, or a collection run's notebooks
export const POST = route(async (req) => {
  const { executor, ...target } = body.parse(await readJson(req));
  const store = await getDatabase();
  // Without a choice, the executor a live worker offers (containers first), else the host.
  const chosen = executor ?? (await listWorkers(store.db)).defaultExecutor;
  return enqueueReproductions(store, target, { executor: chosen });
}, { roles: ['admin', 'supervisor'] });
