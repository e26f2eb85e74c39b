import { clientAddress, SignInLimiter, type SignInKeys } from './sign-in-limit';

const limiter = new SignInLimiter();
const SIGN_IN = /\/api\/auth\/sign-in\/email$/;

/**
 * better-auth's handler with vizmine's sign-in limit around it (per account, and per client address
 * behind a trusted proxy): a 429 with Retry-After before the password is even checked when over it.
 */
export async function withSignInLimit(req: Request, handle: (req: Request) => Promise<Response>): Promise<Response> {
  if (req.method !== 'POST' || !SIGN_IN.test(new URL(req.url).pathname)) return handle(req);
  const body = await req.clone().text();
  let email = '';
  try {
    email = String((JSON.parse(body) as { email?: unknown }).email ?? '').trim().toLowerCase();
  } catch {
    // Not JSON: better-auth answers that itself.
  }
  const keys: SignInKeys = { account: email, address: clientAddress(req.headers) };
  const wait = limiter.retryAfter(keys);
  if (wait > 0) {
    const message = `Too many failed sign-ins for this account${keys.address ? ' or address' : ''}: try again in ${Math.ceil(wait / 60)} min, or ask an admin to reset the password.`;
    return Response.json({ code: 'TOO_MANY_REQUESTS', message }, { status: 429, headers: { 'retry-after': String(wait) } });
  }
  const res = await handle(req);
  if (res.status === 401 || res.status === 403) limiter.failed(keys);
  else if (res.ok) limiter.succeeded(keys);
  return res;
}
