// All catalogued error codes: one object per module, spread here. `ErrorCode` is what the server's fail() accepts.
import { platformErrors } from './errors-platform';
import { workbenchErrors } from './errors-workbench';
import { venueErrors } from './errors-venues';
import { newsErrors } from './errors-news';

export const errorCatalogue = {
  ...platformErrors,
  ...workbenchErrors,
  ...venueErrors,
  ...newsErrors,
};

export type ErrorCode = keyof typeof errorCatalogue;
