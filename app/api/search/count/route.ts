import { route, searchParams } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { searchQuery } from '@/lib/search/schemas';
import { countSearchMatches } from '@/lib/search/search-cells';

export const dynamic = 'force-dynamic';

// GET /api/search/count?q=&kind=&origin= — the exact number of matching cells and notebooks (its own
// request: for a common word it visits every match, which /api/search does not wait for)
export const GET = route(async (req) => countSearchMatches(await getDb(), searchQuery.parse(searchParams(req))));
