import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { AppError } from '../errors';
import { requireRole, requireUser, type UserRole } from '../auth/session';
import { isAllowedHostname } from './allowed-hosts';
import { asAppError } from './domain-errors';

export type ErrorBody = { error: { code: string; message: string } };

/**
 * Who may call a route. By default any signed-in user (401 without a session); `roles` narrows it
 * to those global roles (403 otherwise); `public: true` is the explicit opt-out for the few routes
 * that must answer before sign-in (sign-in itself, whether the first account exists).
 */
export type RouteAccess = { public: true } | { roles?: readonly UserRole[] };

/**
 * Wraps a route handler: checks the session (see RouteAccess), then its result becomes JSON;
 * AppError and zod errors become `{ error: { code, message } }` with the right status; anything
 * else is a logged 500. The session is cached per request, so the handler's own requireUser is free.
 */
export function route<Ctx>(fn: (req: Request, ctx: Ctx) => Promise<unknown>, access: RouteAccess = {}) {
  return async (req: Request, ctx: Ctx): Promise<Response> => {
    try {
      checkOrigin(req);
      if (!('public' in access)) {
        if (access.roles) await requireRole(req, access.roles);
        else await requireUser(req);
      }
      const result = await fn(req, ctx);
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export function errorResponse(e: unknown): Response {
  const known = asAppError(e);
  if (known) return json({ error: { code: known.code, message: known.message } }, known.status);
  if (e instanceof ZodError) {
    const message = e.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    return json({ error: { code: 'bad_request', message } }, 400);
  }
  console.error(e);
  return json({ error: { code: 'internal', message: 'Something went wrong on the server; see its log.' } }, 500);
}

function json(body: ErrorBody, status: number): Response {
  return NextResponse.json(body, { status });
}

/** The request's JSON body; a body that is not JSON is the client's mistake (400), not ours. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'The request body is not valid JSON.');
  }
}

/**
 * The app runs on a researcher's machine: other websites must not drive it. Requests must name a
 * local host (or one in VIZMINE_ALLOWED_HOSTS), which defeats DNS rebinding; and changes must come
 * from our own pages (Sec-Fetch-Site / Origin), which defeats cross-site form posts.
 * In-process calls (benchmarks, tests) carry no Host header and pass.
 */
function checkOrigin(req: Request): void {
  const host = req.headers.get('host');
  if (!host) return;
  const hostname = host.replace(/:\d+$/, '');
  if (!isAllowedHostname(hostname)) {
    throw new AppError('forbidden', `Host ${hostname} is not allowed; add it to VIZMINE_ALLOWED_HOSTS to serve vizmine under that name.`);
  }
  if (req.method === 'GET' || req.method === 'HEAD') return;
  const site = req.headers.get('sec-fetch-site');
  const origin = req.headers.get('origin');
  if ((site && site !== 'same-origin' && site !== 'none') || (origin && origin !== 'null' && originHost(origin) !== host)) {
    throw new AppError('forbidden', 'Changes are accepted only from vizmine\'s own pages.');
  }
}

/** The URL's query string as a plain object, for zod to parse. */
export function searchParams(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}

/** Query parameters, a repeated key as a list (`?chartType=bar&chartType=line`), for multi-valued filters. */
export function searchParamLists(req: Request): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const params = new URL(req.url).searchParams;
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

/** The host of an Origin header, or null when it is not a URL (`Origin: ::::` is refused, not a 500). */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
