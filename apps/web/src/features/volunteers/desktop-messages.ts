// Every dictionary of the desktop volunteering pages (volunteers, activities, orders, time bank), merged once.
import type { Dict } from '../../app/messages/types';
import { activityMessages } from '../activities/messages';
import { activityEnumMessages } from '../activities/messages-enums';
import { orderMessages } from '../orders/messages';
import { orderEnumMessages } from '../orders/messages-enums';
import { timebankMessages } from '../timebank/messages';
import { timebankEnumMessages } from '../timebank/messages-enums';
import { volunteerMessages } from './messages';
import { volunteerEnumMessages } from './messages-enums';

export const volunteeringDesktopMessages: Dict = {
  ...volunteerMessages,
  ...volunteerEnumMessages,
  ...activityMessages,
  ...activityEnumMessages,
  ...orderMessages,
  ...orderEnumMessages,
  ...timebankMessages,
  ...timebankEnumMessages,
};
