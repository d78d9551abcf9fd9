import { evaluationCreateBody } from '@wenming/contracts';
import { describe, expect, it } from 'vitest';
import { type EvaluationFormValues, type PickedDay, defaultFormValues, toCreateBody } from './form-values';

/** A picked day like dayjs gives it (month 0-based). */
function day(y: number, m: number, d: number): PickedDay {
  const pad = (n: number) => String(n).padStart(2, '0');
  return { year: () => y, month: () => m - 1, date: () => d, format: () => `${y}-${pad(m)}-${pad(d)}` };
}

const base = {
  ...defaultFormValues,
  name: ' 2026年10月街道考评 ',
  frameworkId: '0190a0a0-0000-7000-8000-000000000001',
  period: { kind: 'month', value: day(2026, 10, 15) },
} as EvaluationFormValues;

describe('toCreateBody', () => {
  it('sends what the contract accepts, with lines as shares', () => {
    const body = toCreateBody({ ...base, lines: { ...base.lines, redLine: 95, blackLine: 50 } });
    expect(evaluationCreateBody.safeParse(body).success).toBe(true);
    expect(body.name).toBe('2026年10月街道考评');
    expect(body.period).toEqual({ kind: 'month', value: '2026-10' });
    expect(body.lines).toMatchObject({ passLine: 0.6, excellenceLine: 0.9, redLine: 0.95, blackLine: 0.5 });
    expect(body.lines.complianceLine).toBeNull();
    expect(body.scheme.components).toEqual([
      { kind: 'field', weight: 70 },
      { kind: 'review', weight: 30 },
    ]);
  });
  it('sends a date range as start and end', () => {
    const body = toCreateBody({ ...base, period: { kind: 'range', range: [day(2026, 9, 1), day(2026, 9, 30)] } });
    expect(body.period).toEqual({ kind: 'range', start: '2026-09-01', end: '2026-09-30' });
    expect(evaluationCreateBody.safeParse(body).success).toBe(true);
  });
  it('drops the level for units', () => {
    const body = toCreateBody({ ...base, subjectKind: 'unit' });
    expect(body.subjectLevel).toBeUndefined();
  });
});
