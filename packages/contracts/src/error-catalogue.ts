// All catalogued error codes: one object per module, spread here. `ErrorCode` is what the server's fail() accepts.
import { platformErrors } from './errors-platform';

export const errorCatalogue = {
  ...platformErrors,
};

export type ErrorCode = keyof typeof errorCatalogue;
