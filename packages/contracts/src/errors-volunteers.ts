// Error codes of the volunteers module
import { defineErrors } from './errors';

export const volunteersErrors = defineErrors({
  IMPORT_OUTSIDE_SCOPE: {
    status: 400,
    message: [
      '导入的数据超出您的管理范围',
      '匯入的資料超出您的管理範圍',
      'The import names records outside your scope',
    ],
  },
  TEAM_ALREADY_MEMBER: {
    status: 409,
    message: [
      '已是该队伍成员或已申请',
      '已是該隊伍成員或已申請',
      'Already a member of the team, or the request is pending',
    ],
  },
  TEAM_MEMBER_NOT_FOUND: {
    status: 404,
    message: [
      '队员不存在或无权查看',
      '隊員不存在或無權查看',
      'This team member does not exist or is not visible to you',
    ],
  },
  TEAM_NOT_FOUND: {
    status: 404,
    message: ['队伍不存在或无权查看', '隊伍不存在或無權查看', 'This team does not exist or is not visible to you'],
  },
  TEAM_PARENT_LEVEL: {
    status: 422,
    message: [
      '上级队伍层级不符（总队→支队→小队）',
      '上級隊伍層級不符（總隊→支隊→小隊）',
      'The parent team has the wrong level (corps → brigade → squad)',
    ],
  },
  TEAM_REQUEST_NOT_PENDING: {
    status: 409,
    message: ['该申请已处理', '該申請已處理', 'The join request was already decided'],
  },
  VOLUNTEER_ACCOUNT_TAKEN: {
    status: 409,
    message: ['当前账号已关联志愿者身份', '目前帳號已關聯志願者身分', 'This account is already linked to a volunteer'],
  },
  VOLUNTEER_ALREADY_REGISTERED: {
    status: 409,
    message: [
      '该身份证号已注册为志愿者',
      '該身分證號已註冊為志願者',
      'A volunteer with this ID number is already registered',
    ],
  },
  VOLUNTEER_ID_TAKEN: { status: 409, message: ['该编号已被占用', '該編號已被佔用', 'This ID is already taken'] },
  VOLUNTEER_NOT_REGISTERED: {
    status: 409,
    message: ['请先注册为志愿者', '請先註冊為志願者', 'Register as a volunteer first'],
  },
});
