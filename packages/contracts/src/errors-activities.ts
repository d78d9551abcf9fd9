// Error codes of the activities module
import { defineErrors } from './errors';

export const activitiesErrors = defineErrors({
  ACTIVITY_ALREADY_SIGNED_UP: {
    status: 409,
    message: ['您已报名该活动', '您已報名該活動', 'You already signed up for this activity'],
  },
  ACTIVITY_CANCELLED: { status: 409, message: ['活动已取消', '活動已取消', 'The activity is cancelled'] },
  ACTIVITY_ENDED: { status: 409, message: ['活动已结束', '活動已結束', 'The activity has ended'] },
  ACTIVITY_NOT_ELIGIBLE_SKILLS: {
    status: 422,
    message: ['不具备该活动要求的技能', '不具備該活動要求的技能', 'You lack a skill the activity requires'],
  },
  ACTIVITY_NOT_ELIGIBLE_TEAM: {
    status: 422,
    message: ['该活动仅限队伍成员报名', '該活動僅限隊伍成員報名', 'Only members of the team may sign up'],
  },
  ACTIVITY_NOT_FOUND: {
    status: 404,
    message: ['活动不存在或无权查看', '活動不存在或無權查看', 'This activity does not exist or is not visible to you'],
  },
  ACTIVITY_NOT_SIGNED_UP: {
    status: 409,
    message: ['您未报名该活动', '您未報名該活動', 'You have not signed up for this activity'],
  },
  CERTIFICATE_NOT_FOUND: {
    status: 404,
    message: [
      '证明不存在或无权查看',
      '證明不存在或無權查看',
      'This certificate does not exist or is not visible to you',
    ],
  },
  CERTIFICATE_NO_HOURS: {
    status: 422,
    message: [
      '所选期间没有已确认的服务时长',
      '所選期間沒有已確認的服務時長',
      'No confirmed hours in the chosen period',
    ],
  },
  CHECKIN_ALREADY_DONE: { status: 409, message: ['已签到', '已簽到', 'Already checked in'] },
  CHECKIN_CODE_INVALID: {
    status: 422,
    message: [
      '签到码无效或已过期，请扫描现场屏幕上的最新二维码',
      '簽到碼無效或已過期，請掃描現場螢幕上的最新二維碼',
      'The check-in code is invalid or expired; scan the current code on the organiser’s screen',
    ],
  },
  CHECKIN_OUTSIDE_GEOFENCE: {
    status: 422,
    message: [
      '您不在活动地点范围内，请到现场后签到',
      '您不在活動地點範圍內，請到現場後簽到',
      'You are outside the activity’s area; check in on site',
    ],
  },
  CHECKIN_OUTSIDE_WINDOW: {
    status: 422,
    message: [
      '不在活动签到时间内（开始前 30 分钟至结束后 2 小时）',
      '不在活動簽到時間內（開始前 30 分鐘至結束後 2 小時）',
      'Outside the check-in time (30 minutes before the start to 2 hours after the end)',
    ],
  },
  CHECKIN_REQUIRED: { status: 409, message: ['请先签到', '請先簽到', 'Check in first'] },
  CHECKOUT_ALREADY_DONE: { status: 409, message: ['已签退', '已簽退', 'Already checked out'] },
  HOURS_ALREADY_CONFIRMED: {
    status: 409,
    message: ['时长已确认，不能修改', '時長已確認，不能修改', 'The hours are already confirmed'],
  },
  HOURS_NOTHING_PENDING: {
    status: 409,
    message: ['没有待确认的时长', '沒有待確認的時長', 'No hours are waiting for confirmation'],
  },
  PROJECT_NOT_FOUND: {
    status: 404,
    message: ['项目不存在或无权查看', '項目不存在或無權查看', 'This project does not exist or is not visible to you'],
  },
  SIGNUP_NOT_FOUND: {
    status: 404,
    message: ['报名不存在或无权查看', '報名不存在或無權查看', 'This sign-up does not exist or is not visible to you'],
  },
  VOLUNTEER_NOT_ACTIVE: {
    status: 409,
    message: ['该志愿者已暂停或退出', '該志願者已暫停或退出', 'The volunteer is suspended or withdrawn'],
  },
  VOLUNTEER_NOT_FOUND: {
    status: 404,
    message: [
      '志愿者不存在或无权查看',
      '志願者不存在或無權查看',
      'This volunteer does not exist or is not visible to you',
    ],
  },
});
