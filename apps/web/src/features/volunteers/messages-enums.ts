import type { educationLevels, politicalStatuses, VolunteerSkill } from '@wenming/contracts';
import { type Names, prefixed } from '../../app/messages/names';
import type { Dict } from '../../app/messages/types';

export const skills: Names<VolunteerSkill> = {
  policy_talk: ['理论政策宣讲', '理論政策宣講', 'Policy talks'],
  legal: ['法律咨询', '法律諮詢', 'Legal advice'],
  medical: ['医疗健康', '醫療健康', 'Health care'],
  first_aid: ['应急救护', '應急救護', 'First aid'],
  psychology: ['心理疏导', '心理疏導', 'Counselling'],
  tutoring: ['教育辅导', '教育輔導', 'Tutoring'],
  elderly_care: ['助老服务', '助老服務', 'Elderly care'],
  child_care: ['关爱儿童', '關愛兒童', 'Child care'],
  disability_aid: ['助残服务', '助殘服務', 'Disability aid'],
  repair: ['家电维修', '家電維修', 'Repairs'],
  arts: ['文艺表演', '文藝表演', 'Performing arts'],
  photography: ['摄影宣传', '攝影宣傳', 'Photography'],
  it: ['信息技术', '資訊技術', 'IT'],
  driving: ['驾驶', '駕駛', 'Driving'],
  environment: ['生态环保', '生態環保', 'Environment'],
  cleaning: ['环境整治', '環境整治', 'Clean-ups'],
  translation: ['翻译', '翻譯', 'Translation'],
  sports: ['文体健身', '文體健身', 'Sports'],
};
export const political: Names<(typeof politicalStatuses)[number]> = {
  cpc_member: ['中共党员', '中共黨員', 'CPC member'],
  cpc_probationary: ['中共预备党员', '中共預備黨員', 'CPC probationary member'],
  cyl_member: ['共青团员', '共青團員', 'CYL member'],
  democratic_party: ['民主党派', '民主黨派', 'Democratic party'],
  masses: ['群众', '群眾', 'None'],
};
export const education: Names<(typeof educationLevels)[number]> = {
  primary: ['小学', '小學', 'Primary'],
  junior: ['初中', '初中', 'Junior secondary'],
  senior: ['高中', '高中', 'Senior secondary'],
  vocational: ['中专/职高', '中專/職高', 'Vocational'],
  college: ['大专', '大專', 'College'],
  bachelor: ['本科', '本科', 'Bachelor'],
  master: ['硕士研究生', '碩士研究生', 'Master'],
  doctor: ['博士研究生', '博士研究生', 'Doctorate'],
};
export const days = {
  mon: ['周一', '週一', 'Mon'],
  tue: ['周二', '週二', 'Tue'],
  wed: ['周三', '週三', 'Wed'],
  thu: ['周四', '週四', 'Thu'],
  fri: ['周五', '週五', 'Fri'],
  sat: ['周六', '週六', 'Sat'],
  sun: ['周日', '週日', 'Sun'],
} as const;
const parts = { am: ['上午', '上午', 'am'], pm: ['下午', '下午', 'pm'], eve: ['晚上', '晚上', 'evening'] } as const;

function slotNames(): Dict {
  const out: Dict = {};
  for (const [d, dn] of Object.entries(days))
    for (const [p, pn] of Object.entries(parts))
      out[`volSlot.${d}_${p}`] = [`${dn[0]}${pn[0]}`, `${dn[1]}${pn[1]}`, `${dn[2]} ${pn[2]}`];
  return out;
}

export const volunteerEnumMessages: Dict = {
  ...prefixed('volSkill', skills),
  ...prefixed('volPolitical', political),
  ...prefixed('volEducation', education),
  ...prefixed('volDay', days),
  ...prefixed('volPart', parts),
  ...slotNames(),
};
