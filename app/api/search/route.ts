import { route, searchParams } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { searchQuery } from '@/lib/search/schemas';
import { searchCells } from '@/lib/search/search-cells';

export const dynamic = 'force-dynamic';

// GET /api/search?q=&kind=markdown|code&limit=&offset=&origin= — full-text search over cells, ranked, with snippets
export const GET = route(async (req) => searchCells(await getDb(), searchQuery.parse(searchParams(req))));
