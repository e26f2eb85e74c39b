import { route, searchParamLists } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { visualisationFacetLists } from '@/lib/browse/visualisation-facets';
import { galleryFilters } from '@/lib/browse/schemas';

export const dynamic = 'force-dynamic';

// GET /api/visualisations/facets/lists — the many-valued facets (notebook, competition, medal) under the
// filters: live counts, slower than the others, so loaded beside them (near-duplicate groups: facets/groups)
export const GET = route(async (req) => visualisationFacetLists(await getDb(), galleryFilters.parse(searchParamLists(req))));
