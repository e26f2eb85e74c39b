import { z } from 'zod';
import { route, searchParams } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { corpusStats } from '@/lib/browse/corpus-stats';
import { origins } from '@/lib/browse/origins';

export const dynamic = 'force-dynamic';

const query = z.object({ origin: z.enum(origins).default('originals') });

// GET /api/stats?origin=originals|reproductions|both — corpus counts and chart data for the overview page
export const GET = route(async (req) => corpusStats(await getDb(), query.parse(searchParams(req)).origin));
