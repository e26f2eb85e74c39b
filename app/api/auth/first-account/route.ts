import { route } from '@/lib/api/handler';
import { isFirstAccount } from '@/lib/auth/auth';
import { getDb } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

// GET /api/auth/first-account — whether no account exists yet (the sign-in page then offers to create the admin)
export const GET = route(async () => ({ needed: await isFirstAccount(await getDb()) }), { public: true });
