import { readJson, route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { idParam } from '@/lib/browse/schemas';
import { deleteStrategy, getStrategy, updateStrategy } from '@/lib/kaggle/strategies';
import { strategyInput } from '@/lib/kaggle/strategy-schema';

type Ctx = { params: Promise<{ id: string }> };

// GET /api/strategies/:id — one strategy
export const GET = route(async (_req, { params }: Ctx) => getStrategy(await getDb(), idParam.parse((await params).id)));

// PUT /api/strategies/:id — replace its name and definition
export const PUT = route(async (req, { params }: Ctx) =>
  updateStrategy(await getDb(), idParam.parse((await params).id), strategyInput.parse(await readJson(req))), { roles: ['admin', 'supervisor'] });

// DELETE /api/strategies/:id — delete it and its runs (collected notebooks stay)
export const DELETE = route(async (_req, { params }: Ctx) => {
  await deleteStrategy(await getDb(), idParam.parse((await params).id));
  return { deleted: true };
}, { roles: ['admin', 'supervisor'] });
