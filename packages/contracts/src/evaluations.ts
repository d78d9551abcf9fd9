// SHARED CONTRACT of the evaluations engine (SPEC 4.6): bulletins, the big screen and the web pages build on
// these bodies and views. After it lands it changes only additively (new optional fields, new types).
// Pure scoring rules live in evaluations-scoring.ts; messages in evaluations-messages.ts.
import { z } from 'zod';
import { pageQuery, calendarDay } from './common';
import { regionLevels } from './org';
import './evaluations-messages';

export * from './evaluations-scoring';

/** queued → computing → done | failed (the job queue computes; a recomputation is a new version). */
export const evaluationStates = ['queued', 'computing', 'done', 'failed'] as const;
export type EvaluationState = (typeof evaluationStates)[number];

export const evaluationPeriodKinds = ['month', 'week', 'quarter', 'year', 'range'] as const;
export type EvaluationPeriodKind = (typeof evaluationPeriodKinds)[number];

/** What is ranked: regions of one level, units, or inspection points. */
export const evaluationSubjectKinds = ['region', 'unit', 'point'] as const;
export type EvaluationSubjectKind = (typeof evaluationSubjectKinds)[number];

/** Weighted components of a scheme: 实地考察, 材料审核, 问卷调查 (知晓率/满意率), 任务完成, 整改率. */
export const evaluationComponentKinds = ['field', 'review', 'survey', 'task', 'rectification'] as const;
export type EvaluationComponentKind = (typeof evaluationComponentKinds)[number];

/** A standard with no applicable observation in a subject: dropped (total rescaled) or scored zero. */
export const notSampledRules = ['drop', 'zero'] as const;
export type NotSampledRule = (typeof notSampledRules)[number];

const dateField = calendarDay;
const share = z.number().min(0).max(1);

/** The period: `month` 2026-10, `week` 2026-W43, `quarter` 2026-Q4, `year` 2026, or a date range. */
export const evaluationPeriod = z
  .object({
    kind: z.enum(evaluationPeriodKinds),
    /** month YYYY-MM, week YYYY-Www, quarter YYYY-Qn, year YYYY; absent for a range. */
    value: z.string().trim().max(10).optional(),
    start: dateField.optional(),
    end: dateField.optional(),
  })
  .superRefine((p, ctx) => {
    const patterns: Record<string, RegExp> = {
      month: /^\d{4}-(0[1-9]|1[0-2])$/,
      week: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/,
      quarter: /^\d{4}-Q[1-4]$/,
      year: /^\d{4}$/,
    };
    if (p.kind === 'range') {
      if (!p.start) ctx.addIssue({ code: 'custom', path: ['start'], message: 'required' });
      if (!p.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'required' });
      if (p.start && p.end && p.end < p.start)
        ctx.addIssue({ code: 'custom', path: ['end'], message: 'invalid_range' });
    } else if (!p.value || !patterns[p.kind]?.test(p.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: p.value ? 'invalid_format' : 'required' });
    }
  });
export type EvaluationPeriodInput = z.infer<typeof evaluationPeriod>;

export const evaluationComponent = z.object({
  kind: z.enum(evaluationComponentKinds),
  /** Relative weight, e.g. 70 (实地) + 30 (材料); weights are normalised over the components used. */
  weight: z.number().positive().max(1000),
});

export const evaluationScheme = z
  .object({
    components: z
      .array(evaluationComponent)
      .min(1)
      .max(5)
      .default([{ kind: 'field', weight: 100 }]),
    notSampled: z.enum(notSampledRules).default('drop'),
    /** Apply the framework's negative list (扣分 / 暂停资格 / 一票否决) found in the subject's inspections. */
    applyNegativeList: z.boolean().default(true),
    /** Full marks of the total score. */
    fullScore: z.number().positive().max(10_000).default(100),
  })
  .refine((s) => new Set(s.components.map((c) => c.kind)).size === s.components.length, {
    path: ['components'],
    message: 'duplicate',
  });
export type EvaluationScheme = z.infer<typeof evaluationScheme>;

/** Lines as shares of full marks (0–1); compliance defaults to the framework's 达标线. */
export const evaluationLines = z.object({
  passLine: share.default(0.6),
  excellenceLine: share.default(0.9),
  complianceLine: share.optional().nullable(),
  /** 红榜: score ≥ redLine × full; 黑榜: score < blackLine × full; null turns a list off. */
  redLine: share.optional().nullable(),
  blackLine: share.optional().nullable(),
  /** Flag the three lowest subjects of each level for summons (约谈). */
  summonsBottomThree: z.boolean().default(false),
  /** Decimals of printed rate percentages (0: whole percent, rounded half up). */
  rateDecimals: z.number().int().min(0).max(2).default(0),
});
export type EvaluationLines = z.infer<typeof evaluationLines>;

export const evaluationCreateBody = z.object({
  name: z.string().trim().min(1).max(200),
  /** A published framework version. */
  frameworkId: z.string().uuid(),
  period: evaluationPeriod,
  subjectKind: z.enum(evaluationSubjectKinds).default('region'),
  /** For region subjects: the lowest level ranked (e.g. street); every level above it is ranked too. */
  subjectLevel: z.enum(regionLevels).optional(),
  /** Region whose subtree is evaluated; default the tenant's root. */
  regionCode: z
    .string()
    .regex(/^\d{2,12}$/, 'region_code')
    .optional(),
  /** Evaluations of one series are compared period to period (rank change, trend). Default derived. */
  series: z.string().trim().min(1).max(120).optional(),
  scheme: evaluationScheme.default({
    components: [{ kind: 'field', weight: 100 }],
    notSampled: 'drop',
    applyNegativeList: true,
    fullScore: 100,
  }),
  lines: evaluationLines.default({ passLine: 0.6, excellenceLine: 0.9, summonsBottomThree: false, rateDecimals: 0 }),
});
export type EvaluationCreateBody = z.infer<typeof evaluationCreateBody>;

export const evaluationListQuery = pageQuery.extend({
  state: z.enum(evaluationStates).optional(),
  series: z.string().trim().max(120).optional(),
  frameworkId: z.string().uuid().optional(),
  /** `2026-10`: evaluations whose period overlaps that month (a month, its week, quarter or year, or a range). */
  period: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_format')
    .optional(),
});
export type EvaluationListQuery = z.infer<typeof evaluationListQuery>;

/** `?level=street&page=1`: one level's ranking; default the subject level. */
export const evaluationResultsQuery = pageQuery.extend({
  level: z.string().trim().max(32).optional(),
});
export type EvaluationResultsQuery = z.infer<typeof evaluationResultsQuery>;

/** A subject key as used in URLs: `region:620302`, `unit:<uuid>`, `point:<uuid>`. */
export const subjectKey = z
  .string()
  .regex(/^(region:\d{2,12}|unit:[0-9a-f-]{36}|point:[0-9a-f-]{36})$/, 'invalid_format');
export const evaluationDeductionsQuery = z.object({ subject: subjectKey });
export const evaluationPointsQuery = z.object({ subject: subjectKey, indicatorId: z.string().uuid() });
export const evaluationInspectionsQuery = z.object({
  subject: subjectKey,
  pointId: z.string().uuid(),
  indicatorId: z.string().uuid().optional(),
});

// ---- views ----

export interface EvaluationSubject {
  kind: EvaluationSubjectKind;
  /** `region:620302` / `unit:<id>` / `point:<id>`. */
  key: string;
  /** Unit or point id (null for regions). */
  id: string | null;
  /** Region code (null for units and points). */
  code: string | null;
  name: string;
  /** Region level (province/city/district/street/community) or `unit` / `point`. */
  level: string;
  /** Region code of the subject (for units and points: where they are). */
  regionCode: string;
}

export interface RateView {
  numerator: number;
  denominator: number;
  /** Rounded half up to the evaluation's decimals; null when the denominator is 0. */
  percent: number | null;
}
export interface EvaluationRates {
  pass: RateView;
  excellent: RateView;
  compliance: RateView;
  /** 整改率: problems closed ÷ problems found in the period, over the level's subjects. */
  rectification: RateView;
}

export interface EvaluationPeriodView {
  kind: EvaluationPeriodKind;
  value: string | null;
  start: string;
  end: string;
  /** e.g. 2026年10月 */
  label: string;
}

export interface EvaluationView {
  id: string;
  name: string;
  series: string;
  version: number;
  state: EvaluationState;
  error: string | null;
  jobId: string | null;
  framework: { id: string; name: string; version: number; fullPoints: number | null };
  period: EvaluationPeriodView;
  subjectKind: EvaluationSubjectKind;
  subjectLevel: string | null;
  /** Levels that have results, lowest first (e.g. ['street', 'district']). */
  levels: string[];
  regionCode: string;
  scheme: EvaluationScheme;
  lines: EvaluationLines & { complianceLine: number };
  /** Rates per level (present once done). */
  rates: Record<string, EvaluationRates>;
  createdBy: string | null;
  createdAt: string;
  computedAt: string | null;
}

export interface EvaluationComponentScore {
  kind: EvaluationComponentKind;
  weight: number;
  /** 0–1 ratio of the component; null when the subject had no data for it. */
  ratio: number | null;
}

export interface EvaluationResultView {
  subject: EvaluationSubject;
  /** Total on `fullScore`, 2 decimals; null when the subject was not evaluated (no data). */
  score: number | null;
  fullScore: number;
  /** Rank within the level, ties shared (1, 2, 2, 4); null when not evaluated. */
  rank: number | null;
  /** Previous rank − this rank (positive: moved up); null without a previous period. */
  rankChange: number | null;
  previousScore: number | null;
  passed: boolean;
  excellent: boolean;
  compliant: boolean;
  redList: boolean;
  blackList: boolean;
  /** Among the three lowest of the level, when the evaluation asks for summons (约谈). */
  summons: boolean;
  vetoed: boolean;
  suspended: boolean;
  components: EvaluationComponentScore[];
  /** Points deducted by the negative list. */
  negativeDeduction: number;
  sampledPoints: number;
  observations: number;
  problemsFound: number;
  problemsClosed: number;
}

export interface EvaluationResultsPage {
  items: EvaluationResultView[];
  total: number;
  page: number;
  pageSize: number;
  level: string;
  rates: EvaluationRates;
}

/** A standard's score in a subject: drill-down row and, when points were lost, a 失分项. */
export interface IndicatorScoreView {
  indicatorId: string;
  parentId: string | null;
  code: string;
  name: string;
  depth: number;
  /** Full points counted (0 when dropped as not sampled). */
  fullPoints: number;
  score: number;
  lost: number;
  notSampled: boolean;
  /** Observations met / applicable (field standards); survey or review: null. */
  met: number | null;
  applicable: number | null;
  source: 'field' | 'survey' | 'review' | 'rollup';
}

export interface EvaluationSubjectDetail {
  evaluationId: string;
  result: EvaluationResultView;
  /** The indicator tree with rolled-up sums, in framework order. */
  indicators: IndicatorScoreView[];
}

export interface DeductionView extends IndicatorScoreView {
  /** Path of indicator names from the root, e.g. 公共秩序 / 交通秩序. */
  path: string[];
}
export interface DeductionsView {
  subject: EvaluationSubject;
  totalLost: number;
  items: DeductionView[];
}

/** Drill-down: one indicator in the subject's points. */
export interface IndicatorPointView {
  point: { id: string; name: string; pointType: string; regionCode: string };
  met: number;
  notMet: number;
  na: number;
  earned: number;
  /** Points of the standard × applicable observations at this point. */
  possible: number;
}

/** Drill-down: an inspection of a point in the period with its findings (observations not met) and photos. */
export interface EvaluationInspectionView {
  id: string;
  planId: string;
  submittedAt: string;
  inspectorId: string | null;
  score: number | null;
  vetoed: boolean;
  suspended: boolean;
  findings: Array<{
    observationId: string;
    indicatorId: string;
    indicatorCode: string;
    indicatorName: string;
    result: 'met' | 'not_met' | 'na';
    note: string | null;
    earned: number | null;
    photoFileIds: string[];
    problemId: string | null;
  }>;
}

/** This and previous periods of the same series, oldest first, for trend charts. */
export interface EvaluationTrendView {
  series: string;
  periods: Array<{ evaluationId: string; label: string; start: string; rates: Record<string, EvaluationRates> }>;
  /** Per subject key: score per period (same order as `periods`; null when absent). */
  subjects: Array<{ subject: EvaluationSubject; scores: Array<number | null>; ranks: Array<number | null> }>;
}
