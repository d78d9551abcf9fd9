// Error codes of the platform core (sessions, files, jobs, imports) not in errors-platform.ts
import { defineErrors } from './errors';

export const coreErrors = defineErrors({
  AUTH_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message: ['首次登录请先修改初始密码', '首次登入請先修改初始密碼', 'Change your initial password first'],
  },
  BAD_REQUEST: { status: 400, message: ['请求有误', '請求有誤', 'The request is not valid'] },
  CSRF_TOKEN_INVALID: {
    status: 403,
    message: [
      '请求校验失败，请刷新页面后重试',
      '請求校驗失敗，請重新整理頁面後重試',
      'Request check failed; reload the page and try again',
    ],
  },
  FILE_TOO_LARGE: { status: 413, message: ['文件过大', '檔案過大', 'The file is too large'] },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    message: ['相同请求正在处理，请稍候', '相同請求正在處理，請稍候', 'The same request is still being processed'],
  },
  IMPORT_FILE_UNREADABLE: {
    status: 400,
    message: [
      '无法读取文件，请上传 Excel（.xlsx）文件',
      '無法讀取檔案，請上傳 Excel（.xlsx）檔案',
      'The file cannot be read; upload an Excel (.xlsx) file',
    ],
  },
  IMPORT_HEADER_MISSING: {
    status: 400,
    message: [
      '表格缺少必需的列，请使用导入模板',
      '表格缺少必要的欄，請使用匯入範本',
      'The sheet lacks required columns; use the import template',
    ],
  },
  IMPORT_TOO_MANY_ROWS: {
    status: 400,
    message: [
      '文件行数超过上限，请分批导入',
      '檔案列數超過上限，請分批匯入',
      'The file has too many rows; import it in parts',
    ],
  },
  JOB_NOT_FOUND: {
    status: 404,
    message: [
      '后台任务不存在或无权查看',
      '後台任務不存在或無權查看',
      'This background job does not exist or is not visible to you',
    ],
  },
});
