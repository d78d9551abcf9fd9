import type { ActivityType } from '@wenming/contracts';
import { type Names, prefixed } from '../../app/messages/names';
import type { Dict } from '../../app/messages/types';

export const activityTypeNames: Names<ActivityType> = {
  theory: ['理论宣讲', '理論宣講', 'Theory talks'],
  policy: ['政策宣传', '政策宣傳', 'Policy outreach'],
  performance: ['文艺演出', '文藝演出', 'Performances'],
  education_aid: ['助学助残', '助學助殘', 'Education and disability aid'],
  environment: ['生态环保', '生態環保', 'Environment'],
  customs: ['移风易俗', '移風易俗', 'Reforming customs'],
  community: ['社区服务', '社區服務', 'Community service'],
  epidemic: ['疫情防控', '疫情防控', 'Epidemic control'],
  other: ['其他', '其他', 'Other'],
};
const when: Names<'upcoming' | 'past' | 'all'> = {
  upcoming: ['未结束', '未結束', 'Upcoming'],
  past: ['已结束', '已結束', 'Past'],
  all: ['全部', '全部', 'All'],
};

export const activityEnumMessages: Dict = {
  ...prefixed('actType', activityTypeNames),
  ...prefixed('actWhen', when),
};
