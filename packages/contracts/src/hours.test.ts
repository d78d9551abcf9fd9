import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultRoundingRule,
  hoursToNextStar,
  minutesBetween,
  roundServiceHours,
  roundingRuleSchema,
  serviceHours,
  starLevel,
} from './hours';

const rules = fc.uniqueArray(fc.integer({ min: 1, max: 59 }), { minLength: 0, maxLength: 5 }).chain((mins) =>
  fc.array(fc.integer({ min: 0, max: 10 }), { minLength: mins.length, maxLength: mins.length }).map((tenths) => {
    const sortedMins = [...mins].sort((a, b) => a - b);
    const sortedHours = [...tenths].sort((a, b) => a - b).map((t) => t / 10);
    return { steps: sortedMins.map((m, i) => ({ fromMinutes: m, hours: sortedHours[i] })) };
  }),
);

describe('service hour rounding', () => {
  it('follows the documented default: <15 min → 0, 15–44 → 0.5, 45–59 → 1 per started hour', () => {
    expect([0, 14, 15, 44, 45, 59, 60, 74, 80, 105, 110].map((m) => roundServiceHours(m))).toEqual([
      0, 0, 0.5, 0.5, 1, 1, 1, 1, 1.5, 2, 2,
    ]);
  });

  it('is monotone and never negative, for any valid rule', () => {
    fc.assert(
      fc.property(rules, fc.integer({ min: -600, max: 5000 }), fc.integer({ min: 0, max: 600 }), (rule, m, d) => {
        expect(roundingRuleSchema.safeParse(rule).success).toBe(true);
        const a = roundServiceHours(m, rule);
        const b = roundServiceHours(m + d, rule);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeGreaterThanOrEqual(a);
        // Never more than the started hours, never less than the whole hours.
        if (m > 0) {
          expect(a).toBeLessThanOrEqual(Math.ceil(m / 60));
          expect(a).toBeGreaterThanOrEqual(Math.floor(m / 60));
        }
      }),
    );
  });

  it('counts a span across midnight like any other span of the same length', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 1, max: 180 }),
        fc.integer({ min: 1, max: 600 }),
        (day, beforeMidnight, length) => {
          const midnight = Date.UTC(2024, 0, 1) + day * 86400_000 - 8 * 3600_000; // Beijing midnight
          const checkIn = new Date(midnight - beforeMidnight * 60_000);
          const checkOut = new Date(checkIn.getTime() + length * 60_000);
          expect(minutesBetween(checkIn, checkOut)).toBe(length);
          expect(serviceHours(checkIn, checkOut)).toBe(roundServiceHours(length, defaultRoundingRule));
        },
      ),
    );
  });

  it('counts nothing for a check-out before the check-in', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), fc.integer({ min: 1, max: 10_000 }), (d, m) => {
        expect(serviceHours(d, new Date(d.getTime() - m * 60_000))).toBe(0);
      }),
    );
  });

  it('refuses rules that would not be monotone', () => {
    expect(
      roundingRuleSchema.safeParse({
        steps: [
          { fromMinutes: 30, hours: 1 },
          { fromMinutes: 15, hours: 0.5 },
        ],
      }).success,
    ).toBe(false);
    expect(
      roundingRuleSchema.safeParse({
        steps: [
          { fromMinutes: 15, hours: 1 },
          { fromMinutes: 45, hours: 0.5 },
        ],
      }).success,
    ).toBe(false);
  });
});

describe('star levels', () => {
  it('counts the thresholds reached (default 100/300/600/1000/1500 h)', () => {
    expect([0, 99.5, 100, 299, 300, 600, 1000, 1499.5, 1500, 9999].map((h) => starLevel(h))).toEqual([
      0, 0, 1, 1, 2, 3, 4, 4, 5, 5,
    ]);
    expect(hoursToNextStar(250)).toBe(50);
    expect(hoursToNextStar(1500)).toBeNull();
  });

  it('never goes down as hours grow', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        (a, d) => {
          expect(starLevel(a + d)).toBeGreaterThanOrEqual(starLevel(a));
        },
      ),
    );
  });
});
