// Error codes of the auth module
import { defineErrors } from './errors';

export const authErrors = defineErrors({
  AUTH_ACCOUNT_LOCKED: {
    status: 423,
    message: [
      '连续登录失败次数过多，账号已锁定 15 分钟',
      '連續登入失敗次數過多，帳號已鎖定 15 分鐘',
      'Too many failed sign-ins; the account is locked for 15 minutes',
    ],
  },
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    message: ['用户名或密码错误', '使用者名稱或密碼錯誤', 'Wrong username or password'],
  },
  PASSWORD_POLICY: {
    status: 400,
    message: [
      '密码至少 10 位，且包含大写字母、小写字母、数字、符号中的三类',
      '密碼至少 10 位，且包含大寫字母、小寫字母、數字、符號中的三類',
      'Passwords need at least 10 characters from three of: upper case, lower case, digits, symbols',
    ],
  },
});
