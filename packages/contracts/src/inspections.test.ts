import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScoringRule } from './frameworks';
import {
  type ScoredObservation,
  type ScoredStandard,
  inspectionPlanCreateBody,
  inspectionSubmitBody,
  isPositiveSurveyAnswer,
  monthRange,
  samplePoints,
  scoreInspection,
  surveyRateOf,
} from './inspections';
import { type PointType, pointTypes } from './org';

const check: ScoringRule = { kind: 'check' };
const std = (id: string, points: number, scoringRule: ScoringRule = check): ScoredStandard => ({
  id,
  points,
  scoringRule,
});
const obs = (indicatorId: string, result: ScoredObservation['result'], extra: Partial<ScoredObservation> = {}) => ({
  indicatorId,
  result,
  ...extra,
});

describe('scoreInspection: hand-computed cases', () => {
  it('met ÷ applicable, N/A dropping out', () => {
    const standards = [std('a', 3), std('b', 2), std('c', 5)];
    // a met (3), b not met (0), c N/A: 3 ÷ 5
    const s = scoreInspection(standards, [obs('a', 'met'), obs('b', 'not_met'), obs('c', 'na')]);
    expect(s).toMatchObject({ earned: 3, applicable: 5, score: 0.6, vetoed: false, suspended: false });
    expect(s.perStandard).toEqual({ a: 3, b: 0, c: null });
  });

  it('deduct rules take perFinding per finding, never below the floor', () => {
    const d: ScoringRule = { kind: 'deduct', perFinding: 0.5, floor: 0 };
    const f: ScoringRule = { kind: 'deduct', perFinding: 1, floor: 1 };
    const standards = [std('a', 3, d), std('b', 3, d), std('c', 3, f)];
    const s = scoreInspection(standards, [
      obs('a', 'not_met'), // 3 − 0.5 = 2.5
      obs('b', 'not_met', { findingCount: 10 }), // 3 − 5 → floor 0
      obs('c', 'not_met', { findingCount: 5 }), // 3 − 5 → floor 1
    ]);
    expect(s).toMatchObject({ earned: 3.5, applicable: 9, score: 0.3889 });
  });

  it('graded levels, manual points, and the negative list', () => {
    const graded: ScoringRule = {
      kind: 'graded',
      levels: [
        { label: '好', ratio: 1 },
        { label: '一般', ratio: 0.5 },
      ],
    };
    const standards = [std('g', 4, graded), std('m', 2, { kind: 'manual' }), std('c', 4)];
    const observations = [obs('g', 'met', { level: '一般' }), obs('m', 'met', { awarded: 1.5 }), obs('c', 'met')];
    // 2 + 1.5 + 4 = 7.5 of 10
    expect(scoreInspection(standards, observations).score).toBe(0.75);
    // a 2-point deduction from the negative list: 5.5 of 10
    const deducted = scoreInspection(standards, observations, [{ effect: 'deduct', deduction: 2 }]);
    expect(deducted).toMatchObject({ earned: 7.5, negativeDeduction: 2, score: 0.55 });
    expect(scoreInspection(standards, observations, [{ effect: 'veto', deduction: null }])).toMatchObject({
      score: 0,
      vetoed: true,
    });
    expect(scoreInspection(standards, observations, [{ effect: 'suspend', deduction: null }])).toMatchObject({
      score: 0.75,
      suspended: true,
    });
    // a deduction larger than what was earned stops at zero
    expect(scoreInspection(standards, observations, [{ effect: 'deduct', deduction: 50 }]).score).toBe(0);
  });

  it('has no score when nothing applies', () => {
    expect(scoreInspection([std('a', 3)], [obs('a', 'na')]).score).toBeNull();
  });
});

const ruleArb: fc.Arbitrary<ScoringRule> = fc.oneof(
  fc.constant<ScoringRule>({ kind: 'check' }),
  fc
    .record({ per: fc.integer({ min: 1, max: 300 }), floor: fc.integer({ min: 0, max: 500 }) })
    .map(({ per, floor }): ScoringRule => ({ kind: 'deduct', perFinding: per / 100, floor: floor / 100 })),
  fc.constant<ScoringRule>({ kind: 'manual' }),
);
const caseArb = fc
  .array(
    fc.record({
      points: fc.integer({ min: 0, max: 1000 }).map((c) => c / 100),
      rule: ruleArb,
      result: fc.constantFrom<ScoredObservation['result']>('met', 'not_met', 'na'),
      findingCount: fc.integer({ min: 1, max: 20 }),
      awarded: fc.option(
        fc.integer({ min: 0, max: 2000 }).map((c) => c / 100),
        { nil: undefined },
      ),
    }),
    { minLength: 1, maxLength: 30 },
  )
  .map((rows) => ({
    standards: rows.map((r, i) => std(`s${i}`, r.points, r.rule)),
    observations: rows.map((r, i) =>
      obs(`s${i}`, r.result, { findingCount: r.findingCount, awarded: r.awarded ?? null }),
    ),
  }));
const negativesArb = fc.array(
  fc.record({
    effect: fc.constantFrom('deduct' as const, 'suspend' as const, 'veto' as const),
    deduction: fc.integer({ min: 0, max: 1000 }).map((c) => c / 100),
  }),
  { maxLength: 3 },
);

describe('scoreInspection: properties', () => {
  it('scores lie in [0, 1] (or null when nothing applies), earned never above applicable', () => {
    fc.assert(
      fc.property(caseArb, negativesArb, ({ standards, observations }, negatives) => {
        const s = scoreInspection(standards, observations, negatives);
        expect(s.earned).toBeLessThanOrEqual(s.applicable + 1e-9);
        if (s.applicable === 0) expect(s.score).toBeNull();
        else {
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('N/A observations never change the ratio of the others', () => {
    fc.assert(
      fc.property(caseArb, ({ standards, observations }) => {
        const without = observations.filter((o) => o.result !== 'na');
        const keptIds = new Set(without.map((o) => o.indicatorId));
        const a = scoreInspection(standards, observations);
        const b = scoreInspection(
          standards.filter((s) => keptIds.has(s.id)),
          without,
        );
        expect(a.score).toBe(b.score);
        expect(a.applicable).toBe(b.applicable);
      }),
    );
  });

  it('all met scores 1 unless something vetoes or deducts', () => {
    fc.assert(
      fc.property(caseArb, ({ standards, observations }) => {
        const met = observations.map((o) => ({ ...o, result: 'met' as const, awarded: null }));
        const s = scoreInspection(standards, met);
        expect(s.score).toBe(s.applicable > 0 ? 1 : null);
      }),
    );
  });
});

const candidates = pointTypes.flatMap((t, i) =>
  Array.from({ length: 5 + i }, (_, k) => ({
    id: `00000000-0000-7000-8000-${String(i * 100 + k).padStart(12, '0')}`,
    pointType: t as PointType,
  })),
);

describe('samplePoints', () => {
  it('draws the same sample for the same seed, whatever the candidates’ order', () => {
    const spec = { mode: 'random' as const, perType: 3, seed: '2026-05' };
    const a = samplePoints(candidates, spec);
    const b = samplePoints(candidates.slice().reverse(), spec);
    expect(a).toEqual(b);
    expect(a).toHaveLength(3 * pointTypes.length);
    expect(samplePoints(candidates, { ...spec, seed: 'other' })).not.toEqual(a);
  });

  it('takes per-type counts, all of some types, or the picked ones', () => {
    const some = samplePoints(candidates, {
      mode: 'random',
      seed: 's',
      pointTypes: ['market', 'toilet'],
      perTypeCounts: { market: 2, toilet: 100 },
    });
    const typeOf = new Map(candidates.map((c) => [c.id, c.pointType]));
    expect(some.filter((id) => typeOf.get(id) === 'market')).toHaveLength(2);
    expect(some.filter((id) => typeOf.get(id) === 'toilet')).toHaveLength(
      candidates.filter((c) => c.pointType === 'toilet').length,
    );
    const all = samplePoints(candidates, { mode: 'all', pointTypes: ['hospital'] });
    expect(all.every((id) => typeOf.get(id) === 'hospital')).toBe(true);
    expect(samplePoints(candidates, { mode: 'pick', pointIds: [candidates[3].id, 'nope'] })).toEqual([
      candidates[3].id,
    ]);
  });

  it('a type added to the request leaves the other types’ draw alone', () => {
    const one = samplePoints(candidates, { mode: 'random', perType: 2, seed: 'x', pointTypes: ['market'] });
    const two = samplePoints(candidates, {
      mode: 'random',
      perType: 2,
      seed: 'x',
      pointTypes: ['market', 'park_square'],
    });
    expect(two).toEqual(expect.arrayContaining(one));
  });
});

describe('survey rates and bodies', () => {
  it('counts 知道, 满意 and the top two of five levels', () => {
    expect(isPositiveSurveyAnswer('knows', 'knows')).toBe(true);
    expect(isPositiveSurveyAnswer('five_level', 'satisfied')).toBe(true);
    expect(isPositiveSurveyAnswer('five_level', 'neutral')).toBe(false);
    expect(surveyRateOf(2, 3)).toEqual({ numerator: 2, denominator: 3, percent: 66.67 });
    expect(surveyRateOf(0, 0).percent).toBeNull();
  });

  it('plans take a month or a date range; inspections refuse a standard twice', () => {
    expect(monthRange('2024-02')).toEqual({ startDate: '2024-02-01', endDate: '2024-02-29' });
    const plan = { name: 'p', frameworkId: crypto.randomUUID(), kind: 'field_eval' };
    expect(inspectionPlanCreateBody.safeParse({ ...plan, period: '2026-05' }).success).toBe(true);
    expect(inspectionPlanCreateBody.safeParse({ ...plan, startDate: '2026-05-02' }).success).toBe(false);
    const both = inspectionPlanCreateBody.safeParse({ ...plan, period: '2026-05', startDate: '2026-05-01' });
    expect(both.error?.issues[0].message).toBe('period_or_dates');
    const o = { indicatorId: crypto.randomUUID(), result: 'met' };
    const now = new Date().toISOString();
    const body = {
      ...{ id: crypto.randomUUID(), planId: crypto.randomUUID(), pointId: crypto.randomUUID() },
      ...{ startedAt: now, submittedAt: now, clientTime: now },
      observations: [
        { ...o, id: crypto.randomUUID() },
        { ...o, id: crypto.randomUUID() },
      ],
    };
    const parsed = inspectionSubmitBody.safeParse(body);
    expect(parsed.error?.issues[0].path).toEqual(['observations', 1, 'indicatorId']);
  });
});
