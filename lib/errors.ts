// The one error type domain code throws. Route handlers map it to `{ error: { code, message } }`.
export type AppErrorCode = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'unavailable' | 'internal';

const STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401, // no session: sign in
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
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
