import type { ServiceCategory } from '@wenming/contracts';
import { type Names, prefixed } from '../../app/messages/names';
import type { Dict } from '../../app/messages/types';

/** Order states, one wording on the desktop and the phone. */
export const categories: Names<ServiceCategory> = {
  life: ['生活服务', '生活服務', 'Daily life'],
  elderly: ['助老扶幼', '助老扶幼', 'Elderly and children'],
  health: ['医疗健康', '醫療健康', 'Health'],
  education: ['教育辅导', '教育輔導', 'Education'],
  culture: ['文化体育', '文化體育', 'Culture and sports'],
  legal: ['法律咨询', '法律諮詢', 'Legal advice'],
  environment: ['环境整治', '環境整治', 'Environment'],
  other: ['其他', '其他', 'Other'],
};

export const orderEnumMessages: Dict = {
  'orderAction.create': ['点单', '點單', 'Ordered'],
  ...prefixed('svcCategory', categories),
};
