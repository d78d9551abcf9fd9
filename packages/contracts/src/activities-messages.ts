// Messages of activities, check-in and hours (zh-CN, zh-TW, en), added to the platform's dictionaries on import.
import { errorMessages, fieldLabels } from './messages';

const add = (target: Record<string, [string, string, string]>, entries: Record<string, [string, string, string]>) => {
  for (const [k, v] of Object.entries(entries)) if (!target[k]) target[k] = v;
};
add(errorMessages, {
  ACTIVITY_ALREADY_SIGNED_UP: ['您已报名该活动', '您已報名該活動', 'You already signed up for this activity'],
  ACTIVITY_NOT_SIGNED_UP: ['您未报名该活动', '您未報名該活動', 'You have not signed up for this activity'],
  ACTIVITY_ENDED: ['活动已结束', '活動已結束', 'The activity has ended'],
  ACTIVITY_CANCELLED: ['活动已取消', '活動已取消', 'The activity is cancelled'],
  ACTIVITY_NOT_ELIGIBLE_SKILLS: [
    '不具备该活动要求的技能',
    '不具備該活動要求的技能',
    'You lack a skill the activity requires',
  ],
  ACTIVITY_NOT_ELIGIBLE_TEAM: [
    '该活动仅限队伍成员报名',
    '該活動僅限隊伍成員報名',
    'Only members of the team may sign up',
  ],
  CHECKIN_CODE_INVALID: [
    '签到码无效或已过期，请扫描现场屏幕上的最新二维码',
    '簽到碼無效或已過期，請掃描現場螢幕上的最新二維碼',
    'The check-in code is invalid or expired; scan the current code on the organiser’s screen',
  ],
  CHECKIN_OUTSIDE_WINDOW: [
    '不在活动签到时间内（开始前 30 分钟至结束后 2 小时）',
    '不在活動簽到時間內（開始前 30 分鐘至結束後 2 小時）',
    'Outside the check-in time (30 minutes before the start to 2 hours after the end)',
  ],
  CHECKIN_OUTSIDE_GEOFENCE: [
    '您不在活动地点范围内，请到现场后签到',
    '您不在活動地點範圍內，請到現場後簽到',
    'You are outside the activity’s area; check in on site',
  ],
  CHECKIN_ALREADY_DONE: ['已签到', '已簽到', 'Already checked in'],
  CHECKIN_REQUIRED: ['请先签到', '請先簽到', 'Check in first'],
  CHECKOUT_ALREADY_DONE: ['已签退', '已簽退', 'Already checked out'],
  HOURS_ALREADY_CONFIRMED: ['时长已确认，不能修改', '時長已確認，不能修改', 'The hours are already confirmed'],
  HOURS_NOTHING_PENDING: ['没有待确认的时长', '沒有待確認的時長', 'No hours are waiting for confirmation'],
  CERTIFICATE_NO_HOURS: [
    '所选期间没有已确认的服务时长',
    '所選期間沒有已確認的服務時長',
    'No confirmed hours in the chosen period',
  ],
});
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
