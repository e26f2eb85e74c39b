import { route } from '@/lib/api/handler';
import { getAuth } from '@/lib/auth/auth';
import { withSignInLimit } from '@/lib/auth/limited-sign-in';

export const dynamic = 'force-dynamic';

// Public by nature (this is where one signs in), but still behind route()'s Host/Origin guard.
const handle = route(async (req: Request) => withSignInLimit(req, async (r) => (await getAuth()).handler(r)), { public: true });

// GET|POST /api/auth/* — better-auth: sign-up (first account only), sign-in (limited per account and address), sign-out, session
export const GET = handle;
export const POST = handle;
