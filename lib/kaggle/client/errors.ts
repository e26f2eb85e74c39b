export type KaggleErrorCode = 'http' | 'timeout' | 'budget' | 'auth' | 'not_found' | 'bad_response';

/** The one error the Kaggle client throws; the message always says what to do about it. */
export class KaggleError extends Error {
  constructor(
    public readonly code: KaggleErrorCode,
    message: string,
    public readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'KaggleError';
  }
}

export const CREDENTIALS_HINT = 'check your Kaggle credentials (KAGGLE_API_TOKEN or ~/.kaggle/kaggle.json)';

/** The error for a final (non-retried or retries-exhausted) HTTP status. */
export function errorForStatus(status: number, what: string, detail?: string): KaggleError {
  const suffix = detail ? ` (${detail})` : '';
  if (status === 401 || status === 403) {
    return new KaggleError('auth', `Kaggle refused ${what} with ${status}${suffix}: ${CREDENTIALS_HINT}`, status);
  }
  if (status === 404) {
    return new KaggleError('not_found', `Kaggle has no ${what} (404)${suffix}: check the ref or slug, and that it is public`, status);
  }
  if (status === 429) {
    return new KaggleError('http', `Kaggle rate-limited ${what} (429)${suffix}: retry later or lower concurrency/maxRequests`, status);
  }
  if (status >= 500) {
    return new KaggleError('http', `Kaggle failed on ${what} (${status})${suffix}: Kaggle-side error, retry later`, status);
  }
  return new KaggleError('http', `Kaggle rejected ${what} (${status})${suffix}: check the request fields`, status);
}

/** 429 and 5xx are worth another attempt; other statuses will answer the same again. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}
