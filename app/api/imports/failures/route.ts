import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { listFailures } from '@/lib/browse/list-failures';

export const dynamic = 'force-dynamic';

// GET /api/imports/failures — recent files that could not be imported
export const GET = route(async () => ({ failures: await listFailures(await getDb()) }));
