import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitMinutes, targetState } from './order-format';

describe('splitMinutes', () => {
  it('splits into days, hours and minutes', () => {
    expect(splitMinutes(3 * 1440 + 125)).toEqual({ days: 3, hours: 2, minutes: 5 });
    expect(splitMinutes(-5)).toEqual({ days: 0, hours: 0, minutes: 0 });
  });
  it('adds back up to the input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), (m) => {
        const s = splitMinutes(m);
        return s.days * 1440 + s.hours * 60 + s.minutes === m && s.hours < 24 && s.minutes < 60;
      }),
    );
  });
});

describe('targetState', () => {
  it('compares against the target, inclusive', () => {
    expect(targetState(30, 30)).toBe('met');
    expect(targetState(31, 30)).toBe('missed');
    expect(targetState(null, 30)).toBe('none');
    expect(targetState(10, 0)).toBe('none');
  });
});
