// Messages of the volunteers module (zh-CN, zh-TW, en), added to the platform's dictionaries on import.
import { errorMessages, fieldLabels, validationMessages } from './messages';

const add = (target: Record<string, [string, string, string]>, entries: Record<string, [string, string, string]>) => {
  for (const [k, v] of Object.entries(entries)) if (!target[k]) target[k] = v;
};
add(errorMessages, {});
add(fieldLabels, {
  skills: ['技能特长', '技能專長', 'skills'],
  serviceAreas: ['服务区域', '服務區域', 'service areas'],
  availability: ['服务时间', '服務時間', 'availability'],
  politicalStatus: ['政治面貌', '政治面貌', 'political status'],
  education: ['学历', '學歷', 'education'],
  emergencyName: ['紧急联系人', '緊急聯絡人', 'emergency contact'],
  emergencyPhone: ['紧急联系电话', '緊急聯絡電話', 'emergency phone'],
  homeLat: ['居住地纬度', '居住地緯度', 'home latitude'],
  homeLng: ['居住地经度', '居住地經度', 'home longitude'],
  siteId: ['所属阵地', '所屬陣地', 'practice site'],
  level: ['层级', '層級', 'level'],
  parentId: ['上级队伍', '上級隊伍', 'parent team'],
  specialty: ['专业方向', '專業方向', 'specialty'],
  volunteerId: ['志愿者', '志願者', 'volunteer'],
  decision: ['审批结果', '審批結果', 'decision'],
  note: ['说明', '說明', 'note'],
});
add(validationMessages, {
  unknown_site: ['阵地不存在', '陣地不存在', 'names no practice site'],
  unknown_team: ['队伍不存在', '隊伍不存在', 'names no team'],
  unknown_volunteer: ['志愿者不存在', '志願者不存在', 'names no volunteer'],
  after_start: ['须晚于开始时间', '須晚於開始時間', 'must be after the start'],
  too_long: ['时间跨度过长', '時間跨度過長', 'spans too long'],
});
