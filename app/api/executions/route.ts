import { z } from 'zod';
import { route, searchParams } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { idParam } from '@/lib/browse/schemas';
import { listNotebookExecutions } from '@/lib/execute/summary/list-notebook-executions';

const query = z.object({ notebook: idParam });

// GET /api/executions?notebook=:id — a notebook's reproductions (or, for an executed notebook, the one that made it)
export const GET = route(async (req) => ({ executions: await listNotebookExecutions(await getDb(), query.parse(searchParams(req)).notebook) }));
