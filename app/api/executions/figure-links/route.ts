import { z } from 'zod';
import { route, searchParams } from '@/lib/api/handler';
import { idParam } from '@/lib/browse/schemas';
import { getDb } from '@/lib/db/client';
import { listFigureCounterparts } from '@/lib/execute/summary/figure-counterparts';

const query = z.object({ visualisation: idParam });

// GET /api/executions/figure-links?visualisation=:id — a figure's original, or its reproductions
export const GET = route(async (req) => ({ links: await listFigureCounterparts(await getDb(), query.parse(searchParams(req)).visualisation) }));
