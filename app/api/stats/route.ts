import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { corpusStats } from '@/lib/browse/corpus-stats';

export const dynamic = 'force-dynamic';

// GET /api/stats — corpus counts and chart data for the overview page
export const GET = route(async () => corpusStats(await getDb()));
