import { readJson, route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { createStrategy, listStrategies } from '@/lib/kaggle/strategies';
import { strategyInput } from '@/lib/kaggle/strategy-schema';

export const dynamic = 'force-dynamic';

// GET /api/strategies — saved search strategies with their run counts
export const GET = route(async () => ({ strategies: await listStrategies(await getDb()) }));

// POST /api/strategies — save a new strategy (the JSON documented in the README)
export const POST = route(async (req) => createStrategy(await getDb(), strategyInput.parse(await readJson(req))), { roles: ['admin', 'supervisor'] });
