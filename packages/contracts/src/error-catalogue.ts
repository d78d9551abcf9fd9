// All catalogued error codes: one object per module, spread here. `ErrorCode` is what the server's fail() accepts.
import { platformErrors } from './errors-platform';
import { timebankErrors } from './errors-timebank';
import { communityErrors } from './errors-community';
import { workbenchErrors } from './errors-workbench';

export const errorCatalogue = {
  ...platformErrors,
  ...workbenchErrors,
  ...timebankErrors,
  ...communityErrors,
};

export type ErrorCode = keyof typeof errorCatalogue;
