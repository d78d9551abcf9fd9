import { computeIdCardCheck } from '@wenming/contracts';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { idCardRule, phoneRule } from './id-rules';

const t = ((key: string) => key) as unknown as TFunction;
const valid = (first17: string) => first17 + computeIdCardCheck(first17);

describe('idCardRule', () => {
  const check = (v: string | undefined) => idCardRule(t).validator(null, v);
  it('accepts a number with the right check digit, in either case of X', async () => {
    await expect(check(valid('62030219900101001'))).resolves.toBeUndefined();
    const withX = ['62030219900101002', '62030219900101003', '62030219900101004', '62030219900101005']
      .map(valid)
      .find((v) => v.endsWith('X'));
    if (withX) await expect(check(withX.toLowerCase())).resolves.toBeUndefined();
  });
  it('names what is wrong: empty, format, birth date, check digit', async () => {
    await expect(check('')).rejects.toThrow('mvol.register.required');
    await expect(check('6203021990010100')).rejects.toThrow('mvol.id.format');
    await expect(check(valid('62030219901301001'))).rejects.toThrow('mvol.id.birthdate');
    const good = valid('62030219900101001');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    await expect(check(bad)).rejects.toThrow('mvol.id.checksum');
  });
});

describe('phoneRule', () => {
  it('wants 11 digits starting with 1, and may be optional', async () => {
    await expect(phoneRule(t).validator(null, '13909371234')).resolves.toBeUndefined();
    await expect(phoneRule(t).validator(null, '1390937123')).rejects.toThrow('mvol.phone.invalid');
    await expect(phoneRule(t).validator(null, '')).rejects.toThrow('mvol.register.required');
    await expect(phoneRule(t, true).validator(null, '')).resolves.toBeUndefined();
  });
});
