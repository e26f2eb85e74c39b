import { route, searchParams } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { listNotebooks } from '@/lib/browse/list-notebooks';
import { notebookQuery } from '@/lib/browse/schemas';

export const dynamic = 'force-dynamic';

// GET /api/notebooks — notebooks with counts; title search, sorting, pages
export const GET = route(async (req) => listNotebooks(await getDb(), notebookQuery.parse(searchParams(req))));
