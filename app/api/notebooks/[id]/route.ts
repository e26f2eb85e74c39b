import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { getNotebook } from '@/lib/browse/get-notebook';
import { idParam } from '@/lib/browse/schemas';

type Ctx = { params: Promise<{ id: string }> };

// GET /api/notebooks/:id — one notebook, its cells in order and its visualisations
export const GET = route(async (_req, { params }: Ctx) => getNotebook(await getDb(), idParam.parse((await params).id)));
