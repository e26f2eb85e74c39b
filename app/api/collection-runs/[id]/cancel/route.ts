import { route } from '@/lib/api/handler';
import { getDatabase } from '@/lib/db/client';
import { idParam } from '@/lib/browse/schemas';
import { cancelCollectionRun } from '@/lib/jobs/enqueue-collection';

type Ctx = { params: Promise<{ id: string }> };

// POST /api/collection-runs/:id/cancel — stop a queued or running collection (and its job)
export const POST = route(async (_req, { params }: Ctx) => cancelCollectionRun(await getDatabase(), idParam.parse((await params).id)), { roles: ['admin', 'supervisor'] });
