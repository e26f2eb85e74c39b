import { route } from '@/lib/api/handler';
import { getAuth } from '@/lib/auth/auth';

export const dynamic = 'force-dynamic';

// Public by nature (this is where one signs in), but still behind route()'s Host/Origin guard.
const handle = route(async (req: Request) => (await getAuth()).handler(req), { public: true });

// GET|POST /api/auth/* — better-auth: sign-up (first account only), sign-in, sign-out, session
export const GET = handle;
export const POST = handle;
