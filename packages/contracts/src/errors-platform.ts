// Error codes of the platform itself (validation, sessions, access, files, imports).
import { defineErrors } from './errors';

export const platformErrors = defineErrors({
  VALIDATION_FAILED: {
    status: 400,
    message: ['输入有误，请检查标出的字段', '輸入有誤，請檢查標出的欄位', 'Some fields are invalid'],
  },
  INVALID_TEXT: {
    status: 400,
    message: [
      '输入含有不允许的字符（空字符或无效的 Unicode），请检查标出的字段',
      '輸入含有不允許的字元（空字元或無效的 Unicode），請檢查標出的欄位',
      'Some fields hold a character that is not allowed (a NUL byte or invalid Unicode)',
    ],
  },
  UNAUTHENTICATED: { status: 401, message: ['请先登录', '請先登入', 'Please sign in'] },
  FORBIDDEN: { status: 403, message: ['没有权限执行此操作', '沒有權限執行此操作', 'You are not allowed to do this'] },
  NOT_FOUND: { status: 404, message: ['记录不存在或无权查看', '記錄不存在或無權查看', 'Not found'] },
  STALE_VERSION: {
    status: 409,
    message: [
      '该记录已被他人修改，请刷新后再试',
      '該記錄已被他人修改，請重新整理後再試',
      'Someone else changed this record; reload it',
    ],
  },
  RATE_LIMITED: {
    status: 429,
    message: ['操作过于频繁，请稍后再试', '操作過於頻繁，請稍後再試', 'Too many requests; try again later'],
  },
  IMPORT_FAILED: {
    status: 400,
    message: [
      '导入失败，文件未做任何更改，请查看错误行',
      '匯入失敗，檔案未做任何變更，請查看錯誤列',
      'Import failed; nothing was changed. See the rows below',
    ],
  },
  // 三员分立 and grants (issue 13).
  ROLE_SEPARATION_VIOLATION: {
    status: 422,
    message: [
      '系统管理员、安全管理员、审计管理员不得由同一账号兼任',
      '系統管理員、安全管理員、稽核管理員不得由同一帳號兼任',
      'sysadmin, secadmin and auditor cannot be held by one account',
    ],
  },
  ROLE_ADMIN_BUSINESS_MIX: {
    status: 422,
    message: [
      '系统管理员、安全管理员、审计管理员账号不得持有业务角色',
      '系統管理員、安全管理員、稽核管理員帳號不得持有業務角色',
      'The sysadmin, secadmin and auditor accounts cannot hold a business role',
    ],
  },
  ROLE_SELF_GRANT: {
    status: 403,
    message: ['不能给自己授予角色', '不能給自己授予角色', 'You cannot grant a role to yourself'],
  },
  /** A tenant-wide object or setting: only an office with city scope (全市) may change it. */
  CITY_SCOPE_REQUIRED: {
    status: 403,
    message: [
      '全市通用的设置只能由全市范围的管理员修改',
      '全市通用的設定只能由全市範圍的管理員修改',
      'Only a city-wide administrator may change this city-wide setting',
    ],
  },
  INTERNAL: { status: 500, message: ['服务器内部错误', '伺服器內部錯誤', 'Internal server error'] },
});
