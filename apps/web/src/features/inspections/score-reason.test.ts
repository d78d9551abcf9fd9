import { describe, expect, it } from 'vitest';
import { earnedWithReason } from './score-reason';

const t = (key: string, o?: Record<string, unknown>) => (o ? `${key} ${JSON.stringify(o)}` : key);

describe('earnedWithReason', () => {
  it('explains why 不符合 keeps 2.5 of 3 under 按问题扣分 (one finding at 0.5)', () => {
    const s = { id: 'a', points: 3, scoringRule: { kind: 'deduct' as const, perFinding: 0.5, floor: 0 } };
    const r = earnedWithReason(s, { result: 'not_met' }, t);
    expect(r).toMatchObject({ earned: 2.5, points: 3 });
    expect(r.reason).toBe('scoreReason.deduct {"perFinding":0.5,"floor":0,"count":1,"lost":0.5}');
    expect(earnedWithReason(s, { result: 'met' }, t)).toMatchObject({ earned: 3, reason: 'scoreReason.met' });
  });

  it('gives nothing for 不达标 under 达标/不达标, and leaves N/A out', () => {
    const s = { id: 'b', points: 2, scoringRule: { kind: 'check' as const } };
    expect(earnedWithReason(s, { result: 'not_met' }, t)).toMatchObject({
      earned: 0,
      reason: 'scoreReason.check.not_met',
    });
    expect(earnedWithReason(s, { result: 'na' }, t)).toMatchObject({ earned: null, reason: 'scoreReason.na' });
  });

  it('uses the stored points when given (the server scored the record)', () => {
    const s = { id: 'c', points: 4, scoringRule: { kind: 'deduct' as const, perFinding: 1, floor: 1 } };
    const r = earnedWithReason(s, { result: 'not_met', findingCount: 5 }, t, 1);
    expect(r.earned).toBe(1);
    expect(r.reason).toContain('"count":5,"lost":3');
  });
});
