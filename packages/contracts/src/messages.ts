// User-facing messages for error codes and validation problems, in the three UI languages.
import type { Language } from './common';

type Dict = Record<string, [zhCN: string, zhTW: string, en: string]>;

export const errorMessages: Dict = {
  VALIDATION_FAILED: ['输入有误，请检查标出的字段', '輸入有誤，請檢查標出的欄位', 'Some fields are invalid'],
  UNAUTHENTICATED: ['请先登录', '請先登入', 'Please sign in'],
  SESSION_EXPIRED: ['登录已过期，请重新登录', '登入已過期，請重新登入', 'Your session has expired; sign in again'],
  FORBIDDEN: ['没有权限执行此操作', '沒有權限執行此操作', 'You are not allowed to do this'],
  NOT_FOUND: ['记录不存在或无权查看', '記錄不存在或無權查看', 'Not found'],
  AUTH_WRONG_PASSWORD: ['当前密码不正确', '目前密碼不正確', 'The current password is wrong'],
  RATE_LIMITED: ['操作过于频繁，请稍后再试', '操作過於頻繁，請稍後再試', 'Too many requests; try again later'],
  STALE_VERSION: [
    '该记录已被他人修改，请刷新后再试',
    '該記錄已被他人修改，請重新整理後再試',
    'Someone else changed this record; reload it',
  ],
  ROLE_SEPARATION_VIOLATION: [
    '系统管理员、安全管理员、审计管理员不得由同一账号兼任',
    '系統管理員、安全管理員、稽核管理員不得由同一帳號兼任',
    'sysadmin, secadmin and auditor cannot be held by one account',
  ],
  IMPORT_FAILED: [
    '导入失败，文件未做任何更改，请查看错误行',
    '匯入失敗，檔案未做任何變更，請查看錯誤列',
    'Import failed; nothing was changed. See the rows below',
  ],
  INTERNAL: ['服务器内部错误', '伺服器內部錯誤', 'Internal server error'],
  IMPORT_EMPTY: ['文件中没有数据行', '檔案中沒有資料列', 'The file has no data rows'],
};

export const validationMessages: Dict = {
  required: ['必填', '必填', 'required'],
  invalid_type: ['格式不正确', '格式不正確', 'has the wrong type'],
  too_small: ['太短或太小', '太短或太小', 'is too short or too small'],
  too_big: ['太长或太大', '太長或太大', 'is too long or too large'],
  invalid_format: ['格式不正确', '格式不正確', 'has the wrong format'],
  invalid_value: ['不是允许的取值', '不是允許的取值', 'is not an allowed value'],
  invalid_text: [
    '含有不允许的字符（空字符或无效的 Unicode）',
    '含有不允許的字元（空字元或無效的 Unicode）',
    'holds a character that is not allowed (a NUL byte or invalid Unicode)',
  ],
  too_deep: ['嵌套层级过深', '巢狀層級過深', 'is nested too deeply'],
  id_card: [
    '不是有效的居民身份证号码（校验位不符）',
    '不是有效的居民身分證號碼（檢查碼不符）',
    'is not a valid resident ID number (check digit)',
  ],
  credit_code: [
    '不是有效的统一社会信用代码（校验位不符）',
    '不是有效的統一社會信用代碼（檢查碼不符）',
    'is not a valid unified social credit code (check character)',
  ],
  phone: ['不是有效的手机号码', '不是有效的手機號碼', 'is not a valid mobile number'],
  region_code: ['不是有效的行政区划代码', '不是有效的行政區劃代碼', 'is not a valid region code'],
  username: [
    '只能包含字母、数字和 _ . -，3 至 64 位',
    '只能包含字母、數字和 _ . -，3 至 64 位',
    'may hold 3–64 letters, digits, _ . -',
  ],
  unknown_region: ['区划不存在', '區劃不存在', 'names no region'],
  unknown_unit: ['单位不存在', '單位不存在', 'names no unit'],
  duplicate_in_file: ['与文件中其他行重复', '與檔案中其他列重複', 'repeats another row of the file'],
  taken: ['已存在', '已存在', 'already exists'],
  password_policy: [
    '至少 10 位，且包含大写字母、小写字母、数字、符号中的三类',
    '至少 10 位，且包含大寫字母、小寫字母、數字、符號中的三類',
    'needs 10+ characters from three of: upper case, lower case, digits, symbols',
  ],
  same_as_current: ['不能与当前密码相同', '不能與目前密碼相同', 'must differ from the current password'],
  missing_column: ['表格中缺少此列', '表格中缺少此欄', 'column is missing from the sheet'],
  ambiguous_region: [
    '有多个同名区划，请填写区划代码',
    '有多個同名區劃，請填寫區劃代碼',
    'matches several regions; give the region code',
  ],
  ambiguous_unit: [
    '有多个同名单位，请填写统一社会信用代码',
    '有多個同名單位，請填寫統一社會信用代碼',
    'matches several units; give the credit code',
  ],
  duplicate_of_row: ['与第 {row} 行重复', '與第 {row} 列重複', 'repeats row {row}'],
};

export const fieldLabels: Dict = {
  username: ['用户名', '使用者名稱', 'username'],
  password: ['密码', '密碼', 'password'],
  name: ['名称', '名稱', 'name'],
  type: ['类型', '類型', 'type'],
  creditCode: ['统一社会信用代码', '統一社會信用代碼', 'credit code'],
  regionCode: ['所属区划', '所屬區劃', 'region'],
  contactName: ['联系人', '聯絡人', 'contact'],
  contactPhone: ['联系电话', '聯絡電話', 'contact phone'],
  idCard: ['身份证号', '身分證號', 'ID number'],
  phone: ['手机号', '手機號', 'phone'],
  gender: ['性别', '性別', 'gender'],
  unitId: ['所在单位', '所在單位', 'unit'],
  position: ['职务', '職務', 'position'],
  kind: ['类别', '類別', 'kind'],
  code: ['代码', '代碼', 'code'],
  parentCode: ['上级区划', '上級區劃', 'parent region'],
  newPassword: ['新密码', '新密碼', 'new password'],
  currentPassword: ['当前密码', '目前密碼', 'current password'],
  targetRef: ['包联对象', '包聯對象', 'target'],
  boundary: ['边界', '邊界', 'boundary'],
  gridId: ['所属网格', '所屬網格', 'grid'],
  pointType: ['点位类型', '點位類型', 'point type'],
  lat: ['纬度', '緯度', 'latitude'],
  lng: ['经度', '經度', 'longitude'],
  initialPassword: ['初始密码', '初始密碼', 'initial password'],
  scopeRef: ['数据范围', '資料範圍', 'scope'],
  role: ['角色', '角色', 'role'],
  honorTier: ['文明单位等级', '文明單位等級', 'honour tier'],
  address: ['地址', '地址', 'address'],
  file: ['文件', '檔案', 'file'],
  row: ['整行', '整列', 'row'],
};

const index: Record<Language, number> = { 'zh-CN': 0, 'zh-TW': 1, en: 2 };

/** The message of an error code in a language, falling back to the code itself. */
export function translateError(code: string, lang: Language): string {
  const entry = errorMessages[code] ?? (code.endsWith('_NOT_FOUND') ? errorMessages.NOT_FOUND : undefined);
  return entry ? entry[index[lang]] : code;
}

/** "身份证号：不是有效的…" — a field's label joined with the problem, in a language. */
export function translateFieldProblem(field: string, key: string, lang: Language): string {
  const label = fieldLabels[field]?.[index[lang]] ?? field;
  const msg = validationMessages[key]?.[index[lang]] ?? key;
  return lang === 'en' ? `${label} ${msg}` : `${label}：${msg}`;
}

/** Best match of an Accept-Language header among the UI languages. */
export function pickLanguage(header: string | undefined | null): Language {
  const h = (header ?? '').toLowerCase();
  if (/zh-(tw|hk|mo|hant)/.test(h)) return 'zh-TW';
  if (h.startsWith('en')) return 'en';
  return 'zh-CN';
}
