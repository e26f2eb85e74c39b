import { route, searchParamLists } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { nearDuplicateGroupFacet } from '@/lib/browse/visualisation-facets';
import { galleryFilters } from '@/lib/browse/schemas';

export const dynamic = 'force-dynamic';

// GET /api/visualisations/facets/groups — the near-duplicate groups with several figures under the
// filters: the slowest facet list, in a request of its own
export const GET = route(async (req) => nearDuplicateGroupFacet(await getDb(), galleryFilters.parse(searchParamLists(req))));
