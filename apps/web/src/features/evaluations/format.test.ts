import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatFraction,
  formatMovement,
  formatPercent,
  formatRatio,
  formatScore,
  normalizeTimestamp,
  tiedRanks,
} from './format';
import { overlapsMonth, percentToShare, periodValueOf } from './period';
import { isWeightSumValid, sumWeights } from './scheme';

describe('formatMovement', () => {
  it('shows climbs, falls and no change as arrows', () => {
    expect(formatMovement(2)).toEqual({ text: '↑2', direction: 'up' });
    expect(formatMovement(-1)).toEqual({ text: '↓1', direction: 'down' });
    expect(formatMovement(0)).toEqual({ text: '—', direction: 'same' });
  });
  it('shows a dash when there is no previous period', () => {
    expect(formatMovement(null)).toEqual({ text: '—', direction: 'none' });
    expect(formatMovement(undefined).direction).toBe('none');
  });
  it('always names the size of the move', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -500, max: 500 }).filter((n) => n !== 0),
        (n) => {
          expect(formatMovement(n).text.slice(1)).toBe(String(Math.abs(n)));
        },
      ),
    );
  });
});

describe('rates', () => {
  it('prints the percent and keeps the fraction', () => {
    const rate = { numerator: 17, denominator: 20, percent: 85 };
    expect(formatPercent(rate)).toBe('85%');
    expect(formatFraction(rate)).toBe('17/20');
  });
  it('prints a dash for a rate of nobody', () => {
    expect(formatPercent({ numerator: 0, denominator: 0, percent: null })).toBe('—');
    expect(formatPercent(null)).toBe('—');
  });
  it('keeps the decimals the evaluation asked for', () => {
    expect(formatPercent({ numerator: 1, denominator: 8, percent: '12.5' })).toBe('12.5%');
  });
});

describe('scores', () => {
  it('trims to two decimals', () => {
    expect(formatScore('87.500')).toBe('87.5');
    expect(formatScore(90)).toBe('90');
    expect(formatScore(null)).toBe('—');
  });
});

describe('scheme weights', () => {
  it('accepts weights adding up to 100', () => {
    expect(isWeightSumValid([70, 30])).toBe(true);
    expect(isWeightSumValid([33.33, 33.33, 33.34])).toBe(true);
    expect(isWeightSumValid(['50', '50'])).toBe(true);
  });
  it('rejects other sums and an empty scheme', () => {
    expect(isWeightSumValid([70, 20])).toBe(false);
    expect(isWeightSumValid([60, 50])).toBe(false);
    expect(isWeightSumValid([])).toBe(false);
    expect(sumWeights([70, 20, null])).toBe(90);
  });
  it('accepts any split of 100 into whole percents', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 6 }), (parts) => {
        const rest = 100 - parts.reduce((a, b) => a + b, 0);
        expect(isWeightSumValid([...parts, rest])).toBe(true);
        expect(isWeightSumValid([...parts, rest + 1])).toBe(false);
      }),
    );
  });
});

describe('period values', () => {
  it('spells each kind as the contract does', () => {
    expect(periodValueOf('month', 2026, 3, 15)).toBe('2026-03');
    expect(periodValueOf('quarter', 2026, 10, 1)).toBe('2026-Q4');
    expect(periodValueOf('quarter', 2026, 3, 31)).toBe('2026-Q1');
    expect(periodValueOf('year', 2026, 7, 1)).toBe('2026');
  });
  it('uses ISO weeks, also across the new year', () => {
    expect(periodValueOf('week', 2026, 10, 21)).toBe('2026-W43');
    expect(periodValueOf('week', 2027, 1, 1)).toBe('2026-W53');
    expect(periodValueOf('week', 2024, 12, 30)).toBe('2025-W01');
  });
  it('turns percents into shares of full marks', () => {
    expect(percentToShare(60)).toBe(0.6);
    expect(percentToShare(87.5)).toBe(0.875);
    expect(percentToShare(null)).toBeNull();
  });
});

describe('tiedRanks', () => {
  it('finds the shared ranks', () => {
    expect([...tiedRanks([1, 2, 2, 4, null, null])]).toEqual([2]);
    expect(tiedRanks([1, 2, 3]).size).toBe(0);
  });
});

describe('inspection display', () => {
  it('prints score ratios as percents', () => {
    expect(formatRatio(0.9688)).toBe('96.88%');
    expect(formatRatio(1)).toBe('100%');
    expect(formatRatio(null)).toBe('—');
  });
  it('turns database timestamps into ISO ones', () => {
    expect(normalizeTimestamp('2026-11-22 02:42:02.241+00')).toBe('2026-11-22T02:42:02.241+00:00');
    expect(new Date(normalizeTimestamp('2026-11-22 02:42:02.241+00')).toISOString()).toBe('2026-11-22T02:42:02.241Z');
    expect(normalizeTimestamp('2026-11-22T02:42:02.241Z')).toBe('2026-11-22T02:42:02.241Z');
  });
});

describe('overlapsMonth', () => {
  it('matches periods that share a day with the month', () => {
    expect(overlapsMonth({ start: '2026-10-01', end: '2026-10-31' }, '2026-10')).toBe(true);
    expect(overlapsMonth({ start: '2026-10-01', end: '2026-12-31' }, '2026-11')).toBe(true);
    expect(overlapsMonth({ start: '2026-10-01', end: '2026-10-31' }, '2026-11')).toBe(false);
    expect(overlapsMonth({ start: '2026-02-28', end: '2026-03-05' }, '2026-02')).toBe(true);
    expect(overlapsMonth({ start: '2026-03-01', end: '2026-03-05' }, '2026-02')).toBe(false);
  });
});
