import { type ErrorCode, type FieldError, type RowError, errorCatalogue } from '@wenming/contracts';

/** The one error type: a code, an HTTP status and optional details. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(code);
  }
}

/** 404 for a missing record and for one outside the actor's scope alike. */
export const notFound = (what: string) => new AppError(`${what.toUpperCase()}_NOT_FOUND`, 404);
export const forbidden = () => new AppError('FORBIDDEN', 403);
export const conflict = (code: string, details?: unknown) => new AppError(code, 409, details);
export const unprocessable = (code: string, details?: unknown) => new AppError(code, 422, details);

/** 400 naming fields; `message` is a key of validationMessages. */
export function invalidFields(fields: { field: string; key: string }[]): AppError {
  return new AppError('VALIDATION_FAILED', 400, { fieldKeys: fields });
}

export function importFailed(rows: RowError[]): AppError {
  return new AppError('IMPORT_FAILED', 400, { rows });
}

export type { FieldError };

/** A catalogued error: its status comes from the catalogue in packages/contracts (an unknown code fails tsc). */
export function fail(code: ErrorCode, details?: unknown): AppError {
  return new AppError(code, errorCatalogue[code].status, details);
}
