// Messages of activities, check-in and hours (zh-CN, zh-TW, en), added to the platform's dictionaries on import.
import { errorMessages, fieldLabels } from './messages';

const add = (target: Record<string, [string, string, string]>, entries: Record<string, [string, string, string]>) => {
  for (const [k, v] of Object.entries(entries)) if (!target[k]) target[k] = v;
};
add(errorMessages, {});
add(fieldLabels, {
  title: ['活动名称', '活動名稱', 'title'],
  place: ['活动地点', '活動地點', 'place'],
  radiusM: ['签到范围（米）', '簽到範圍（公尺）', 'geofence radius (m)'],
  startsAt: ['开始时间', '開始時間', 'start'],
  endsAt: ['结束时间', '結束時間', 'end'],
  recruitLimit: ['招募人数', '招募人數', 'recruitment limit'],
  requiredSkills: ['技能要求', '技能要求', 'required skills'],
  teamId: ['所属队伍', '所屬隊伍', 'team'],
  projectId: ['所属项目', '所屬項目', 'project'],
  token: ['签到码', '簽到碼', 'check-in code'],
  checkInAt: ['签到时间', '簽到時間', 'check-in time'],
  checkOutAt: ['签退时间', '簽退時間', 'check-out time'],
  rounding: ['时长折算规则', '時長折算規則', 'rounding rule'],
  starThresholds: ['星级门槛', '星級門檻', 'star thresholds'],
  month: ['月份', '月份', 'month'],
  from: ['起始日期', '起始日期', 'from'],
  to: ['截止日期', '截止日期', 'to'],
});
