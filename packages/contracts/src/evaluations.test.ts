import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyNegatives,
  evaluationCreateBody,
  fieldRatio,
  periodRange,
  ratePercent,
  sharedRanks,
  standardScore,
  weightedParts,
  weightedTotal,
} from './evaluations';

describe('standard scores', () => {
  it('scores Pₛ × met ÷ applicable, N/A left out', () => {
    // 10 points; 4 observations: 3 met, 1 not met (N/A ones are not counted as applicable).
    expect(standardScore({ points: 10, earned: 30, applicable: 4 })).toBe(7.5);
    expect(standardScore({ points: 10, earned: 0, applicable: 0 })).toBeNull();
  });

  it('drops a not-sampled standard and rescales, or scores it zero', () => {
    const tallies = [
      { points: 10, earned: 20, applicable: 2 }, // 10 of 10
      { points: 30, earned: 0, applicable: 0 }, // not sampled
    ];
    expect(fieldRatio(tallies, 'drop')).toBe(1);
    expect(fieldRatio(tallies, 'zero')).toBe(0.25);
  });

  it('weights components and drops those without data', () => {
    expect(
      weightedTotal(
        [
          { weight: 70, ratio: 0.8 },
          { weight: 30, ratio: 0.5 },
        ],
        100,
        'drop',
      ),
    ).toBe(71);
    expect(
      weightedTotal(
        [
          { weight: 70, ratio: 0.8 },
          { weight: 30, ratio: null },
        ],
        100,
        'drop',
      ),
    ).toBe(80);
    expect(
      weightedTotal(
        [
          { weight: 70, ratio: 0.8 },
          { weight: 30, ratio: null },
        ],
        100,
        'zero',
      ),
    ).toBe(56);
    expect(weightedTotal([{ weight: 1, ratio: null }], 100, 'drop')).toBeNull();
  });

  it('applies the negative list: veto makes 0, deductions subtract down to 0', () => {
    expect(applyNegatives(88.5, 0, true)).toBe(0);
    expect(applyNegatives(88.5, 10, false)).toBe(78.5);
    expect(applyNegatives(4, 10, false)).toBe(0);
    expect(applyNegatives(null, 10, true)).toBeNull();
  });
});

describe('rates', () => {
  it('rounds half up to a whole percent, or to decimals when asked', () => {
    expect(ratePercent(1, 8)).toBe(13); // 12.5 → 13
    expect(ratePercent(1, 200)).toBe(1); // 0.5 → 1
    expect(ratePercent(1, 3)).toBe(33);
    expect(ratePercent(2, 3)).toBe(67);
    expect(ratePercent(1, 16, 1)).toBe(6.3); // 6.25 → 6.3
    expect(ratePercent(1, 6, 2)).toBe(16.67);
    expect(ratePercent(0, 0)).toBeNull();
    expect(ratePercent(7, 7)).toBe(100);
  });
});

describe('ranks', () => {
  it('shares ties (1, 2, 2, 4) and leaves unscored subjects unranked', () => {
    expect(sharedRanks([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
    expect(sharedRanks([70, null, 90, 80, 80])).toEqual([4, null, 1, 2, 2]);
  });

  it('is a permutation-consistent ranking of any scores', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), { maxLength: 40 }), (scores) => {
        const ranks = sharedRanks(scores);
        const scored = scores.filter((s) => s !== null).length;
        scores.forEach((s, i) => {
          const r = ranks[i];
          if (s === null) {
            expect(r).toBeNull();
            return;
          }
          // rank = 1 + number of strictly higher scores
          expect(r).toBe(1 + scores.filter((x) => x !== null && x > s).length);
          expect(r).toBeGreaterThanOrEqual(1);
          expect(r).toBeLessThanOrEqual(scored);
          scores.forEach((t, j) => {
            if (t === null) return;
            if (t > s) expect(ranks[j]).toBeLessThan(r as number);
            if (t === s) expect(ranks[j]).toBe(r);
          });
        });
        // Sorting by rank gives the scores in descending order.
        const byRank = scores
          .map((s, i) => ({ s, r: ranks[i] }))
          .filter((x) => x.s !== null)
          .sort((a, b) => (a.r as number) - (b.r as number))
          .map((x) => x.s as number);
        expect(byRank).toEqual([...byRank].sort((a, b) => b - a));
      }),
    );
  });
});

describe('periods and bodies', () => {
  it('turns periods into date ranges', () => {
    expect(periodRange({ kind: 'month', value: '2026-02' })).toEqual({
      start: '2026-02-01',
      end: '2026-02-28',
      label: '2026年2月',
    });
    expect(periodRange({ kind: 'quarter', value: '2026-Q4' }).end).toBe('2026-12-31');
    expect(periodRange({ kind: 'week', value: '2026-W01' })).toMatchObject({ start: '2025-12-29', end: '2026-01-04' });
    expect(periodRange({ kind: 'range', start: '2026-10-08', end: '2026-10-20' }).end).toBe('2026-10-20');
  });

  it('names the bad field of a create body', () => {
    const base = { name: '十月', frameworkId: '01a20443-8ef3-7103-9a55-8b53c445792a' };
    const bad = evaluationCreateBody.safeParse({ ...base, period: { kind: 'month', value: '2026-13' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['period', 'value']);
    const weights = evaluationCreateBody.safeParse({
      ...base,
      period: { kind: 'month', value: '2026-10' },
      scheme: { components: [{ kind: 'field', weight: 0 }] },
    });
    expect(weights.error?.issues[0]?.path).toEqual(['scheme', 'components', 0, 'weight']);
    const ok = evaluationCreateBody.parse({ ...base, period: { kind: 'month', value: '2026-10' } });
    expect(ok.scheme.notSampled).toBe('drop');
    expect(ok.lines.passLine).toBe(0.6);
  });
});

describe('score breakdown', () => {
  it('shows 70/10/20 parts that add up to the total, to the cent', () => {
    const parts = [
      { kind: 'field', weight: 70, ratio: 0.99375 },
      { kind: 'survey', weight: 10, ratio: 1 },
      { kind: 'rectification', weight: 20, ratio: 1 },
    ];
    expect(weightedParts(parts, 100, 'drop')).toEqual([
      { kind: 'field', max: 70, points: 69.56 },
      { kind: 'survey', max: 10, points: 10 },
      { kind: 'rectification', max: 20, points: 20 },
    ]);
  });

  it('gives a dropped component no share, and its weight to the others', () => {
    const parts = [
      { kind: 'field', weight: 70, ratio: 0.5 },
      { kind: 'survey', weight: 30, ratio: null },
    ];
    expect(weightedParts(parts, 100, 'drop')).toEqual([
      { kind: 'field', max: 100, points: 50 },
      { kind: 'survey', max: null, points: null },
    ]);
    expect(weightedParts(parts, 100, 'zero')[1]).toEqual({ kind: 'survey', max: 30, points: 0 });
  });

  it('always sums to weightedTotal for any weights and ratios', () => {
    const part = fc.record({
      weight: fc.integer({ min: 1, max: 100 }),
      ratio: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 5 }),
        fc.constantFrom<'drop' | 'zero'>('drop', 'zero'),
        (ps, rule) => {
          const parts = ps.map((p, i) => ({ kind: i, ...p }));
          const total = weightedTotal(parts, 100, rule);
          const shown = weightedParts(parts, 100, rule);
          if (total === null) return shown.every((s) => s.points === null);
          const cents = shown.reduce((a, s) => a + Math.round((s.points ?? 0) * 100), 0);
          return (
            cents === Math.round(total * 100) &&
            shown.every((s) => s.points === null || Math.round(s.points * 100) <= Math.round((s.max ?? 0) * 100)) &&
            shown.reduce((a, s) => a + Math.round((s.max ?? 0) * 100), 0) === 10000
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
