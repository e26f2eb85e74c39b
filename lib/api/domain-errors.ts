// Every domain error that knows what went wrong and what to do about it, mapped once to an AppError
// (status and message) for route(): nothing a domain knew reaches a client as "something went wrong".
import { AgreementInputError } from '../agreement/types';
import { AppError, type AppErrorCode } from '../errors';
import { KaggleError, type KaggleErrorCode } from '../kaggle/client/errors';
import { NotebookError } from '../notebooks/errors';

// Kaggle is upstream of us: its refusals and failures are 502/504 (a gateway's), except what the user can fix.
const KAGGLE: Record<KaggleErrorCode, AppErrorCode> = {
  auth: 'bad_gateway',
  not_found: 'not_found',
  timeout: 'gateway_timeout',
  budget: 'too_many_requests',
  http: 'bad_gateway',
  bad_response: 'bad_gateway',
};

export function asAppError(e: unknown): AppError | null {
  if (e instanceof AppError) return e;
  if (e instanceof KaggleError) return new AppError(e.status === 429 ? 'too_many_requests' : KAGGLE[e.code], e.message);
  if (e instanceof NotebookError) return new AppError('bad_request', e.where ? `${e.message} (${e.where})` : e.message);
  if (e instanceof AgreementInputError) return new AppError('bad_request', e.message);
  return null;
}
