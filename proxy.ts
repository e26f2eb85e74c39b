import { NextResponse, type NextRequest } from 'next/server';
import { getSessionCookie } from 'better-auth/cookies';

/**
 * Pages need a session: without a session cookie, go to /sign-in and come back afterwards. This only
 * looks for the cookie (cheap, no database); API routes check the session itself (route() in
 * lib/api/handler.ts) and answer 401, and admin pages check the role on the server.
 */
export function proxy(request: NextRequest) {
  if (getSessionCookie(request)) return NextResponse.next();
  const url = new URL('/sign-in', request.url);
  const next = request.nextUrl.pathname + request.nextUrl.search;
  if (next !== '/') url.searchParams.set('next', next);
  return NextResponse.redirect(url);
}

export const config = {
  // Every page except sign-in itself; not the API (it answers 401 as JSON), Next's assets or public files.
  matcher: ['/((?!api/|_next/|sign-in|favicon\\.svg|favicon\\.ico|robots\\.txt).*)'],
};
