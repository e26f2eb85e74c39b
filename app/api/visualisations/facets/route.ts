import { route, searchParamLists } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { visualisationFacets } from '@/lib/browse/visualisation-facets';
import { galleryFilters } from '@/lib/browse/schemas';

export const dynamic = 'force-dynamic';

// GET /api/visualisations/facets — counts per facet value under the other filters
export const GET = route(async (req) => visualisationFacets(await getDb(), galleryFilters.parse(searchParamLists(req))));
