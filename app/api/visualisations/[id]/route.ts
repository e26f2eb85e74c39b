import { route, searchParamLists } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { getVisualisation } from '@/lib/browse/get-visualisation';
import { galleryFilters, idParam } from '@/lib/browse/schemas';

type Ctx = { params: Promise<{ id: string }> };

// GET /api/visualisations/:id — the figure, its code, markdown context, neighbours and near-duplicates
export const GET = route(async (req, { params }: Ctx) =>
  getVisualisation(await getDb(), idParam.parse((await params).id), galleryFilters.parse(searchParamLists(req))),
);
