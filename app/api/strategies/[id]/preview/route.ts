import { readJson, route } from '@/lib/api/handler';
import { getDatabase } from '@/lib/db/client';
import { idParam } from '@/lib/browse/schemas';
import { getStrategy } from '@/lib/kaggle/strategies';
import { previewStrategy } from '@/lib/kaggle/preview';
import { sourceFor } from '@/lib/kaggle/runs/source-for';
import { runSourceInput } from '@/lib/kaggle/runs/schemas';

type Ctx = { params: Promise<{ id: string }> };

// POST /api/strategies/:id/preview — how many notebooks it matches and samples, the first of them; no download
export const POST = route(async (req, { params }: Ctx) => {
  const store = await getDatabase();
  const strategy = await getStrategy(store.db, idParam.parse((await params).id));
  const { source } = runSourceInput.parse(await readJson(req));
  return previewStrategy(await sourceFor(store.db, store.dataDir, source), strategy.definition);
}, { roles: ['admin', 'supervisor'] });
