import { route, searchParamLists } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { listVisualisations } from '@/lib/browse/list-visualisations';
import { galleryQuery } from '@/lib/browse/schemas';

export const dynamic = 'force-dynamic';

// GET /api/visualisations — one keyset page of the gallery under the given facets
export const GET = route(async (req) => listVisualisations(await getDb(), galleryQuery.parse(searchParamLists(req))));
