import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './auth';
import { pickLanguage, translateError, translateFieldProblem } from './index';

describe('password policy', () => {
  it('needs 10 characters from three classes', () => {
    expect(checkPasswordPolicy('Short1!')).toBe('too_short');
    expect(checkPasswordPolicy('alllowercase1')).toBe('too_simple');
    expect(checkPasswordPolicy('Wenming@2026')).toBeNull();
  });
});

describe('messages', () => {
  it('translates codes and field problems in three languages', () => {
    expect(translateError('UNIT_NOT_FOUND', 'zh-CN')).toBe('单位不存在或无权查看');
    expect(translateError('WIDGET_NOT_FOUND', 'zh-CN')).toBe('记录不存在或无权查看');
    expect(translateError('AUTH_ACCOUNT_LOCKED', 'en')).toMatch(/locked/);
    expect(translateFieldProblem('idCard', 'id_card', 'zh-TW')).toMatch(/^身分證號：/);
    expect(pickLanguage('zh-TW,zh;q=0.9')).toBe('zh-TW');
    expect(pickLanguage('en-US')).toBe('en');
    expect(pickLanguage(undefined)).toBe('zh-CN');
  });
});
