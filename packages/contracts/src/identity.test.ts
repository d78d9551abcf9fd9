import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIdCard, checkUscc, computeIdCardCheck, computeUsccCheck, maskIdCard, maskPhone } from './identity';

describe('居民身份证 (GB 11643)', () => {
  it('accepts the standard example and rejects a wrong check digit', () => {
    expect(checkIdCard('11010519491231002X')).toBeNull();
    expect(checkIdCard('110105194912310021')).toBe('checksum');
    expect(checkIdCard('11010519491331002X')).toBe('birthdate');
    expect(checkIdCard('1101051949123100')).toBe('format');
  });
  it('any 17 digits with a valid date plus their computed check character validate; any other last character fails', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-6]\d{5}$/),
        fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
        fc.stringMatching(/^\d{3}$/),
        fc.constantFrom(...'0123456789X'),
        (region, birth, seq, other) => {
          const body = region + birth.toISOString().slice(0, 10).replace(/-/g, '') + seq;
          const check = computeIdCardCheck(body);
          expect(checkIdCard(body + check)).toBeNull();
          if (other !== check) expect(checkIdCard(body + other)).toBe('checksum');
        },
      ),
    );
  });
  it('masks keeping the first three and last four', () => {
    expect(maskIdCard('11010519491231002X')).toBe('110***********002X');
    expect(maskPhone('13812341234')).toBe('138****1234');
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts published-format codes and rejects a changed check character', () => {
    const body = '91350100M000100Y4';
    const code = body + computeUsccCheck(body);
    expect(checkUscc(code)).toBeNull();
    expect(checkUscc(`${body}${code[17] === '0' ? '1' : '0'}`)).toBe('checksum');
    expect(checkUscc('91350100M000100Y')).toBe('format');
  });
  it('the computed check character always validates; every other character is refused', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...chars), { minLength: 9, maxLength: 9 }),
        fc.stringMatching(/^\d{6}$/),
        fc.constantFrom(...chars),
        (tail, area, other) => {
          const body = `91${area}${tail.join('')}`;
          const check = computeUsccCheck(body);
          expect(checkUscc(body + check)).toBeNull();
          if (other !== check) expect(checkUscc(body + other)).toBe('checksum');
        },
      ),
    );
  });
});
