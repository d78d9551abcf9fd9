// Messages of the volunteers module (zh-CN, zh-TW, en), added to the platform's dictionaries on import.
import { errorMessages, fieldLabels, validationMessages } from './messages';

const add = (target: Record<string, [string, string, string]>, entries: Record<string, [string, string, string]>) => {
  for (const [k, v] of Object.entries(entries)) if (!target[k]) target[k] = v;
};
add(errorMessages, {
  VOLUNTEER_ALREADY_REGISTERED: [
    '该身份证号已注册为志愿者',
    '該身分證號已註冊為志願者',
    'A volunteer with this ID number is already registered',
  ],
  VOLUNTEER_ACCOUNT_TAKEN: [
    '当前账号已关联志愿者身份',
    '目前帳號已關聯志願者身分',
    'This account is already linked to a volunteer',
  ],
  VOLUNTEER_NOT_REGISTERED: ['请先注册为志愿者', '請先註冊為志願者', 'Register as a volunteer first'],
  VOLUNTEER_NOT_ACTIVE: ['该志愿者已暂停或退出', '該志願者已暫停或退出', 'The volunteer is suspended or withdrawn'],
  TEAM_PARENT_LEVEL: [
    '上级队伍层级不符（总队→支队→小队）',
    '上級隊伍層級不符（總隊→支隊→小隊）',
    'The parent team has the wrong level (corps → brigade → squad)',
  ],
  TEAM_ALREADY_MEMBER: [
    '已是该队伍成员或已申请',
    '已是該隊伍成員或已申請',
    'Already a member of the team, or the request is pending',
  ],
  TEAM_REQUEST_NOT_PENDING: ['该申请已处理', '該申請已處理', 'The join request was already decided'],
});
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
