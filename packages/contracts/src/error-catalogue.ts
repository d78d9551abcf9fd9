// All catalogued error codes: one object per module, spread here. `ErrorCode` is what the server's fail() accepts.
import { activitiesErrors } from './errors-activities';
import { authErrors } from './errors-auth';
import { campaignsErrors } from './errors-campaigns';
import { coreErrors } from './errors-core';
import { evaluationsErrors } from './errors-evaluations';
import { frameworksErrors } from './errors-frameworks';
import { inspectionsErrors } from './errors-inspections';
import { open311Errors } from './errors-open311';
import { ordersErrors } from './errors-orders';
import { orgErrors } from './errors-org';
import { problemsErrors } from './errors-problems';
import { timebankErrors } from './errors-timebank';
import { volunteersErrors } from './errors-volunteers';
import { platformErrors } from './errors-platform';
import { selectionErrors } from './errors-selections';
import { communityErrors } from './errors-community';
import { workbenchErrors } from './errors-workbench';
import { venueErrors } from './errors-venues';
import { newsErrors } from './errors-news';

export const errorCatalogue = {
  ...activitiesErrors,
  ...authErrors,
  ...campaignsErrors,
  ...coreErrors,
  ...evaluationsErrors,
  ...frameworksErrors,
  ...inspectionsErrors,
  ...open311Errors,
  ...ordersErrors,
  ...orgErrors,
  ...problemsErrors,
  ...timebankErrors,
  ...volunteersErrors,
  ...platformErrors,
  ...workbenchErrors,
  ...selectionErrors,
  ...venueErrors,
  ...newsErrors,
  ...communityErrors,
};

export type ErrorCode = keyof typeof errorCatalogue;
