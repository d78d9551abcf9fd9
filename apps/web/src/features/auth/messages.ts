import type { Dict } from '../../app/messages/types';

export const authMessages: Dict = {
  'login.title': ['用户登录', '使用者登入', 'Sign in'],
  'login.subtitle': [
    '文明城市创建 · 文明实践 · 志愿服务',
    '文明城市創建 · 文明實踐 · 志願服務',
    'Civilized city · Civilization practice · Volunteering',
  ],
  'login.username': ['用户名', '使用者名稱', 'Username'],
  'login.password': ['密码', '密碼', 'Password'],
  'login.submit': ['登录', '登入', 'Sign in'],
  'login.lockedTitle': ['账号已锁定', '帳號已鎖定', 'Account locked'],
  'login.lockedUntil': ['请于 {{time}} 之后再试。', '請於 {{time}} 之後再試。', 'Try again after {{time}}.'],
  'login.rateLimitedTitle': ['尝试次数过多', '嘗試次數過多', 'Too many attempts'],
  'login.failedTitle': ['登录失败', '登入失敗', 'Sign-in failed'],
  'password.title': ['修改密码', '修改密碼', 'Change password'],
  'password.forced': [
    '这是您首次登录，请先修改初始密码后再继续使用。',
    '這是您首次登入，請先修改初始密碼後再繼續使用。',
    'This is your first sign-in: change the initial password before you go on.',
  ],
  'password.current': ['当前密码', '目前密碼', 'Current password'],
  'password.new': ['新密码', '新密碼', 'New password'],
  'password.confirm': ['确认新密码', '確認新密碼', 'Repeat new password'],
  'password.mismatch': ['两次输入的新密码不一致', '兩次輸入的新密碼不一致', 'The two new passwords differ'],
  'password.policy': [
    '至少 10 位，且包含大写字母、小写字母、数字、符号中的三类',
    '至少 10 位，且包含大寫字母、小寫字母、數字、符號中的三類',
    'At least 10 characters from three of: upper case, lower case, digits, symbols',
  ],
  'password.submit': ['确认修改', '確認修改', 'Change password'],
  'password.changed': ['密码已修改', '密碼已修改', 'Password changed'],
};
