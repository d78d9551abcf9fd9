// The error catalogue: every error code with its HTTP status and its message in the three UI languages. A module
// declares its codes with defineErrors() and adds them to `errorCatalogue` below; the server throws them with
// `fail(code)` (apps/server/src/platform/errors.ts), which takes only catalogued codes, so a code without a status
// and a message fails `tsc`.
import { errorMessages } from './messages';

export type Messages = readonly [zhCN: string, zhTW: string, en: string];
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 423 | 429 | 500 | 503;

export interface ErrorDef {
  status: ErrorStatus;
  message: Messages;
}

/** HTTP status of every catalogued code (the server's error handler and the web client read it). */
export const errorStatuses: Record<string, ErrorStatus> = {};

/** Declare a module's error codes; their messages join the shared dictionary used by translateError(). */
export function defineErrors<const T extends Record<string, ErrorDef>>(defs: T): T {
  for (const [code, def] of Object.entries(defs)) {
    errorStatuses[code] = def.status;
    if (!errorMessages[code]) errorMessages[code] = [...def.message];
  }
  return defs;
}
