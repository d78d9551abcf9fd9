// Messages of service orders (zh-CN, zh-TW, en): errors, field labels and the candidate reasons.
import type { Language } from './common';
import { errorMessages, fieldLabels, validationMessages } from './messages';
import type { CandidateReason, CandidateReasonCode } from './orders-bodies';

const add = (target: Record<string, [string, string, string]>, entries: Record<string, [string, string, string]>) => {
  for (const [k, v] of Object.entries(entries)) if (!target[k]) target[k] = v;
};
add(errorMessages, {});
add(fieldLabels, {
  siteId: ['服务阵地', '服務陣地', 'site'],
  itemId: ['服务项目', '服務項目', 'service item'],
  urgency: ['紧急程度', '緊急程度', 'urgency'],
  residentName: ['服务对象', '服務對象', 'resident'],
  residentPhone: ['服务对象电话', '服務對象電話', 'resident phone'],
  mergeInto: ['合并到订单', '合併到訂單', 'merge into'],
  volunteerId: ['志愿者', '志願者', 'volunteer'],
  teamId: ['志愿服务队', '志願服務隊', 'team'],
  notes: ['服务记录', '服務記錄', 'notes'],
  rating: ['评分', '評分', 'rating'],
  comment: ['评价内容', '評價內容', 'comment'],
  requiredSkills: ['所需技能', '所需技能', 'required skills'],
  typicalHours: ['预计时长', '預計時數', 'typical hours'],
  title: ['标题', '標題', 'title'],
});
add(validationMessages, {
  unknown_site: ['阵地不存在', '陣地不存在', 'names no site'],
  unknown_item: ['服务项目不存在或已停用', '服務項目不存在或已停用', 'names no active service item'],
  unknown_volunteer: ['志愿者不存在', '志願者不存在', 'names no volunteer'],
  unknown_team: ['志愿服务队不存在', '志願服務隊不存在', 'names no team'],
  unknown_order: ['订单不存在', '訂單不存在', 'names no order'],
});

const reasonTemplates: Record<CandidateReasonCode, [string, string, string]> = {
  skill_match: ['技能匹配：{skill}', '技能匹配：{skill}', 'skill: {skill}'],
  no_skill_needed: ['无特殊技能要求', '無特殊技能要求', 'no special skill needed'],
  distance: ['距离 {km} 公里', '距離 {km} 公里', '{km} km away'],
  distance_unknown: ['距离未知', '距離未知', 'distance unknown'],
  open_orders: ['当前 {count} 单', '目前 {count} 單', '{count} open orders'],
  rating: ['评分 {value}', '評分 {value}', 'rated {value}'],
  no_rating: ['暂无评分', '暫無評分', 'not rated yet'],
  available_now: ['当前时段有空', '目前時段有空', 'available now'],
  team_member: ['服务队成员', '服務隊成員', 'team member'],
};
const langIndex: Record<Language, number> = { 'zh-CN': 0, 'zh-TW': 1, en: 2 };

/** A candidate reason in a language, e.g. 「技能匹配：理发」「距离 0.8 公里」; skill codes through `skillLabels`. */
export function renderCandidateReason(
  reason: CandidateReason,
  lang: Language = 'zh-CN',
  skillLabels: Record<string, string> = {},
): string {
  const template = reasonTemplates[reason.code][langIndex[lang]];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = reason.params[k];
    if (k === 'skill' && typeof v === 'string') return skillLabels[v] ?? v;
    return v === undefined ? '' : String(v);
  });
}
