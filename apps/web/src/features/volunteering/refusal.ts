import { ApiError } from '../../api/client';

/**
 * True when the server answered and refused (4xx other than "still in progress"): the server keeps that answer
 * under the Idempotency-Key, so corrected values need a new key. A lost answer or a 5xx keeps the key, so that
 * resending cannot store the write twice.
 */
export function isRefusal(err: unknown): boolean {
  return (
    err instanceof ApiError &&
    !err.isNetworkError &&
    err.status >= 400 &&
    err.status < 500 &&
    err.code !== 'IDEMPOTENCY_IN_PROGRESS'
  );
}
