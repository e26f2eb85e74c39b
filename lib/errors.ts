// The one error type domain code throws. Route handlers map it to `{ error: { code, message } }`.
export type AppErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_many_requests'
  | 'unavailable'
  | 'bad_gateway'
  | 'gateway_timeout'
  | 'internal';

const STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401, // no session: sign in
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
  bad_gateway: 502, // an upstream service (Kaggle) refused or failed
  unavailable: 503,
  gateway_timeout: 504, // an upstream service (Kaggle) did not answer in time
  internal: 500,
};

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS[this.code];
  }
}
