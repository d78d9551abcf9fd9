import { accountMessages } from '../../features/accounts/messages';
import { auditMessages } from '../../features/audit/messages';
import { authMessages } from '../../features/auth/messages';
import { campaignMessages } from '../../features/campaigns/messages';
import { frameworkMessages } from '../../features/frameworks/messages';
import { gridMessages } from '../../features/grids/messages';
import { homeMessages } from '../../features/home/messages';
import { importMessages } from '../../features/imports/messages';
import { inspectionMessages } from '../../features/inspections/messages';
import { inspectMobileMessages } from '../../features/inspections/messages-mobile';
import { planSetupMessages } from '../../features/inspections/messages-setup';
import { pairingMessages } from '../../features/pairings/messages';
import { peopleMessages } from '../../features/people/messages';
import { problemMessages } from '../../features/problems/messages';
import { evaluationMessages } from '../../features/evaluations/messages';
import { evaluationDrillMessages } from '../../features/evaluations/messages-drill';
import { bulletinMessages } from '../../features/bulletins/messages';
import { projectMessages } from '../../features/projects/messages';
import { questionnaireMessages } from '../../features/questionnaires/messages';
import { selfAssessmentMessages } from '../../features/self-assessments/messages';
import { regionMessages } from '../../features/regions/messages';
import { siteMessages } from '../../features/sites/messages';
import { unitMessages } from '../../features/units/messages';
import { volunteeringDesktopMessages } from '../../features/volunteers/desktop-messages';
import { volunteeringEnumMessages, volunteeringMessages } from '../../features/volunteering/messages';
import { serviceEnumMessages, serviceMessages } from '../../features/volunteering/messages-service';
import { mobileMessages } from '../../mobile/messages';
import { workbenchMessages } from '../../features/workbench/messages';
import { selectionMessages } from '../../features/selections/messages';
import { venueMessages } from '../../features/venues/messages';
import { newsMessages } from '../../features/news/messages';
import { venueMobileMessages } from '../../features/venues/messages-mobile';
import { commonMessages } from './common';
import { enumMessages } from './enums';
import type { Dict } from './types';

export type { Dict } from './types';

/** Every UI string of the app; feature dictionaries are merged here. */
export const allMessages: Dict = {
  ...commonMessages,
  ...enumMessages,
  ...authMessages,
  ...homeMessages,
  ...regionMessages,
  ...unitMessages,
  ...peopleMessages,
  ...siteMessages,
  ...gridMessages,
  ...pairingMessages,
  ...accountMessages,
  ...auditMessages,
  ...importMessages,
  ...frameworkMessages,
  ...campaignMessages,
  ...selfAssessmentMessages,
  ...mobileMessages,
  ...inspectionMessages,
  ...inspectMobileMessages,
  ...planSetupMessages,
  ...problemMessages,
  ...volunteeringDesktopMessages,
  ...evaluationMessages,
  ...evaluationDrillMessages,
  ...bulletinMessages,
  ...questionnaireMessages,
  ...projectMessages,
  ...volunteeringMessages,
  ...volunteeringEnumMessages,
  ...serviceMessages,
  ...selectionMessages,
  ...venueMessages,
  ...newsMessages,
  ...venueMobileMessages,
  ...serviceEnumMessages,
  ...workbenchMessages,
};
