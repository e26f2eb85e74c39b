import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { getNotebook } from '@/lib/browse/get-notebook';
import { idParam } from '@/lib/browse/schemas';
import { z } from 'zod';

// ?cells=N: only the first N cells (the page's first screen of a long notebook)
const cellLimit = z.coerce.number().int().min(1).max(100_000).optional();

type Ctx = { params: Promise<{ id: string }> };

// GET /api/notebooks/:id[?cells=N] — one notebook, its cells in order (or the first N) and its visualisations
export const GET = route(async (req, { params }: Ctx) =>
  getNotebook(await getDb(), idParam.parse((await params).id), { cellLimit: cellLimit.parse(new URL(req.url).searchParams.get('cells') ?? undefined) }),
);
