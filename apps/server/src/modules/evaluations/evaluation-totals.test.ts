import { describe, expect, it } from 'vitest';
import type { SubjectFacts } from './evaluation-sql-sources';
import { computeTotals } from './evaluation-totals';

const fact = (key: string, fieldScore: number | null, extra: Partial<SubjectFacts> = {}): SubjectFacts => ({
  subject_key: key,
  field_score: fieldScore,
  field_full: fieldScore === null ? null : 100,
  survey_score: null,
  survey_full: null,
  review_score: null,
  review_full: null,
  tasks: 0,
  tasks_done: 0,
  found: 0,
  closed: 0,
  points: 1,
  observations: 1,
  vetoed: false,
  suspended: false,
  deduction: 0,
  ...extra,
});
const scheme = {
  components: [{ kind: 'field' as const, weight: 100 }],
  notSampled: 'drop' as const,
  applyNegativeList: true,
  fullScore: 100,
};
const lines = {
  passLine: 0.6,
  excellenceLine: 0.9,
  complianceLine: 0.8,
  redLine: 0.9,
  blackLine: 0.6,
  summonsBottomThree: true,
  rateDecimals: 0,
};

describe('totals', () => {
  it('ranks with shared ties, flags lists and summons, and rounds rates half up', () => {
    const facts = [
      fact('a', 95),
      fact('b', 80, { found: 8, closed: 1 }),
      fact('c', 80),
      fact('d', 70),
      fact('e', 59),
      fact('f', 88, { vetoed: true }),
      fact('g', 90, { deduction: 10 }),
      fact('h', 85),
      fact('x', null),
    ];
    const levelOf = new Map(facts.map((f) => [f.subject_key, 'township']));
    const previous = new Map([['a', { rank: 3, score: 80 }]]);
    const { rows, rates } = computeTotals({ facts, levelOf, scheme, lines, previous });
    const by = Object.fromEntries(rows.map((r) => [r.subject_key, r]));
    expect(by.f?.score).toBe(0);
    expect(by.f?.vetoed).toBe(true);
    expect(by.g?.score).toBe(80);
    expect(by.g?.negative_deduction).toBe(10);
    expect(['a', 'h', 'b', 'c', 'g', 'd', 'e', 'f', 'x'].map((k) => by[k]?.rank)).toEqual([
      1,
      2,
      3,
      3,
      3,
      6,
      7,
      8,
      null,
    ]);
    expect(by.a?.rank_change).toBe(2);
    expect(by.b?.rank_change).toBeNull();
    expect(by.a?.red_list).toBe(true);
    expect(by.e?.black_list).toBe(true);
    // three lowest: f (0), e (59), d (70)
    expect(
      rows
        .filter((r) => r.summons)
        .map((r) => r.subject_key)
        .sort(),
    ).toEqual(['d', 'e', 'f']);
    // 8 scored subjects: passed 7 (all but e and f → 6) …
    expect(rates.township?.pass).toEqual({ numerator: 6, denominator: 8, percent: 75 });
    expect(rates.township?.excellent).toEqual({ numerator: 1, denominator: 8, percent: 13 }); // 12.5 → 13
    expect(rates.township?.rectification).toEqual({ numerator: 1, denominator: 8, percent: 13 });
  });

  it('scores a subject with no data as not evaluated, or zero under the zero rule', () => {
    const facts = [fact('a', 50), fact('b', null)];
    const levelOf = new Map([
      ['a', 'township'],
      ['b', 'township'],
    ]);
    const drop = computeTotals({ facts, levelOf, scheme, lines, previous: null });
    expect(drop.rows.find((r) => r.subject_key === 'b')?.score).toBeNull();
    const zero = computeTotals({ facts, levelOf, scheme: { ...scheme, notSampled: 'zero' }, lines, previous: null });
    expect(zero.rows.find((r) => r.subject_key === 'b')?.score).toBe(0);
    expect(zero.rates.township?.pass).toEqual({ numerator: 0, denominator: 2, percent: 0 });
  });
});
