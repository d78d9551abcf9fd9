// The create form's values (percents, picked dates) and the contract's body (shares, period strings).
import type {
  EvaluationComponentKind,
  EvaluationCreateBody,
  EvaluationPeriodKind,
  EvaluationSubjectKind,
  NotSampledRule,
  RegionLevel,
} from '@wenming/contracts';
import { percentToShare, periodValueOf } from './period';

/** A picked day, as plain numbers (the form holds dayjs values; tests pass these directly). */
export interface PickedDay {
  year(): number;
  month(): number;
  date(): number;
  format(f: string): string;
}

export interface EvaluationFormValues {
  name: string;
  frameworkId: string;
  period: { kind: EvaluationPeriodKind; value?: PickedDay | null; range?: [PickedDay, PickedDay] | null };
  subjectKind: EvaluationSubjectKind;
  subjectLevel?: RegionLevel;
  regionCode?: string;
  scheme: {
    components: { kind: EvaluationComponentKind; weight: number }[];
    notSampled: NotSampledRule;
    applyNegativeList: boolean;
    fullScore: number;
  };
  lines: {
    passLine: number;
    excellenceLine: number;
    complianceLine?: number | null;
    redLine?: number | null;
    blackLine?: number | null;
    summonsBottomThree: boolean;
    rateDecimals: number;
  };
}

export const defaultFormValues: Partial<EvaluationFormValues> = {
  period: { kind: 'month' },
  subjectKind: 'region',
  subjectLevel: 'township',
  scheme: {
    components: [
      { kind: 'field', weight: 70 },
      { kind: 'review', weight: 30 },
    ],
    notSampled: 'drop',
    applyNegativeList: true,
    fullScore: 100,
  },
  lines: { passLine: 60, excellenceLine: 90, summonsBottomThree: true, rateDecimals: 0 },
};

function toPeriod(p: EvaluationFormValues['period']): EvaluationCreateBody['period'] {
  if (p.kind === 'range') {
    const [start, end] = p.range ?? [];
    return { kind: 'range', start: start?.format('YYYY-MM-DD'), end: end?.format('YYYY-MM-DD') };
  }
  const v = p.value;
  return { kind: p.kind, value: v ? periodValueOf(p.kind, v.year(), v.month() + 1, v.date()) : undefined };
}

/** The body of `POST /evaluations`; line percents become shares of full marks. */
export function toCreateBody(v: EvaluationFormValues): EvaluationCreateBody {
  const l = v.lines;
  return {
    name: v.name.trim(),
    frameworkId: v.frameworkId,
    period: toPeriod(v.period),
    subjectKind: v.subjectKind,
    subjectLevel: v.subjectKind === 'region' ? v.subjectLevel : undefined,
    regionCode: v.regionCode || undefined,
    scheme: {
      components: v.scheme.components.map((c) => ({ kind: c.kind, weight: Number(c.weight) })),
      notSampled: v.scheme.notSampled,
      applyNegativeList: v.scheme.applyNegativeList,
      fullScore: Number(v.scheme.fullScore),
    },
    lines: {
      passLine: percentToShare(l.passLine) ?? 0.6,
      excellenceLine: percentToShare(l.excellenceLine) ?? 0.9,
      complianceLine: percentToShare(l.complianceLine),
      redLine: percentToShare(l.redLine),
      blackLine: percentToShare(l.blackLine),
      summonsBottomThree: !!l.summonsBottomThree,
      rateDecimals: l.rateDecimals ?? 0,
    },
  };
}
