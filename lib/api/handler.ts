import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { AppError } from '../errors';

export type ErrorBody = { error: { code: string; message: string } };

/**
 * Wraps a route handler: its result becomes JSON; AppError and zod errors become
 * `{ error: { code, message } }` with the right status; anything else is a logged 500.
 */
export function route<Ctx>(fn: (req: Request, ctx: Ctx) => Promise<unknown>) {
  return async (req: Request, ctx: Ctx): Promise<Response> => {
    try {
      const result = await fn(req, ctx);
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export function errorResponse(e: unknown): Response {
  if (e instanceof AppError) return json({ error: { code: e.code, message: e.message } }, e.status);
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

/** The URL's query string as a plain object, for zod to parse. */
export function searchParams(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}
