import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { idParam } from '@/lib/browse/schemas';
import { duplicateStrategy } from '@/lib/kaggle/strategies';

type Ctx = { params: Promise<{ id: string }> };

// POST /api/strategies/:id/duplicate — a copy to edit
export const POST = route(async (_req, { params }: Ctx) => duplicateStrategy(await getDb(), idParam.parse((await params).id)), { roles: ['admin', 'supervisor'] });
