// Evaluation frameworks (测评体系, SPEC 4.2): enums, bodies, views and the pure tree rules.
import { z } from 'zod';
import { pageQuery } from './common';
import { pointTypes } from './org';

/** 测评方法: 实地考察 / 材料审核 / 问卷调查 / 网络调查 / 听取汇报 / 整体观察. */
export const assessmentMethods = [
  'field',
  'document',
  'questionnaire',
  'online_survey',
  'report',
  'observation',
] as const;
export type AssessmentMethod = (typeof assessmentMethods)[number];
export const assessmentMethodNames: Record<AssessmentMethod, string> = {
  field: '实地考察',
  document: '材料审核',
  questionnaire: '问卷调查',
  online_survey: '网络调查',
  report: '听取汇报',
  observation: '整体观察',
};

/** 负面清单 effects: 一票否决 / 暂停资格 / 扣分. */
export const negativeEffects = ['veto', 'suspend', 'deduct'] as const;
export type NegativeEffect = (typeof negativeEffects)[number];
export const negativeEffectNames: Record<NegativeEffect, string> = {
  veto: '一票否决',
  suspend: '暂停资格',
  deduct: '扣分',
};

/** draft → published (immutable) → superseded (by the family's next published version). */
export const frameworkStatuses = ['draft', 'published', 'superseded'] as const;
export type FrameworkStatus = (typeof frameworkStatuses)[number];
export const frameworkStatusNames: Record<FrameworkStatus, string> = {
  draft: '草稿',
  published: '已发布',
  superseded: '已被替代',
};

/** Points are stored as numeric(10,2): whole cents only. */
const isCents = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
export const pointsValue = z.number().min(0).max(99_999_999).refine(isCents, 'invalid_format');

export const scoringRuleKinds = ['check', 'deduct', 'graded', 'survey', 'manual'] as const;
/** How a standard is scored: met/not met; per finding down to a floor; graded levels; survey rate × points; by hand. */
export const scoringRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('check') }),
  z.object({
    kind: z.literal('deduct'),
    perFinding: z.number().positive().refine(isCents),
    floor: pointsValue.default(0),
  }),
  z.object({
    kind: z.literal('graded'),
    levels: z
      .array(
        z.object({
          // No separators in labels, so that the rule's text form ("分档：好=1，较好=0.8") reads back.
          label: z
            .string()
            .trim()
            .regex(/^[^=＝,，;；:：、\s得]{1,20}$/),
          ratio: z
            .number()
            .min(0)
            .max(1)
            .refine((v) => Math.abs(Math.round(v * 1e4) - v * 1e4) < 1e-6),
        }),
      )
      .min(2)
      .max(10),
  }),
  z.object({ kind: z.literal('survey') }),
  z.object({ kind: z.literal('manual'), note: z.string().trim().min(1).max(500).optional() }),
]);
export type ScoringRule = z.infer<typeof scoringRule>;

export const indicatorCode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z\u4e00-\u9fff][0-9A-Za-z\u4e00-\u9fff._-]{0,39}$/);
export const frameworkCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$/);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const frameworkCreateBody = z.object({
  id: z.string().uuid().optional(),
  name: z.string().trim().min(1).max(200),
  code: frameworkCode,
  description: optionalText(2000),
  totalPoints: pointsValue.nullish(),
  complianceLine: z.number().min(0).max(1).nullish(),
});
export type FrameworkCreateBody = z.infer<typeof frameworkCreateBody>;
/** Meta edit of a draft; the code names the family and stays; `rowVersion` guards against stale edits. */
export const frameworkUpdateBody = frameworkCreateBody.omit({ id: true, code: true }).partial().extend({
  rowVersion: z.number().int().optional(),
});
export type FrameworkUpdateBody = z.infer<typeof frameworkUpdateBody>;

const indicatorFields = {
  code: indicatorCode,
  name: z.string().trim().min(1).max(500),
  standard: optionalText(4000),
  points: pointsValue.nullish(),
  weight: z.number().min(0).max(999_999).nullish(),
  methods: z.array(z.enum(assessmentMethods)).max(6),
  pointTypes: z.array(z.enum(pointTypes)).max(pointTypes.length),
  scoringRule,
  isSumExempt: z.boolean(),
};
/** A new node: the code defaults to the parent's code plus the next number; position defaults to last. */
export const indicatorCreateBody = z.object({
  ...indicatorFields,
  id: z.string().uuid().optional(),
  parentId: z.string().uuid().nullish(),
  position: z.number().int().min(0).optional(),
  code: indicatorCode.optional(),
  methods: indicatorFields.methods.default([]),
  pointTypes: indicatorFields.pointTypes.default([]),
  scoringRule: scoringRule.default({ kind: 'check' }),
  isSumExempt: z.boolean().default(false),
});
export type IndicatorCreateBody = z.infer<typeof indicatorCreateBody>;
export const indicatorUpdateBody = z.object(indicatorFields).partial();
export type IndicatorUpdateBody = z.infer<typeof indicatorUpdateBody>;
/** Reorder among siblings and/or reparent: `position` is the index among the new siblings. */
export const indicatorMoveBody = z.object({
  parentId: z.string().uuid().nullable(),
  position: z.number().int().min(0),
});
export type IndicatorMoveBody = z.infer<typeof indicatorMoveBody>;

const negativeFields = {
  code: indicatorCode,
  name: z.string().trim().min(1).max(500),
  effect: z.enum(negativeEffects),
  deduction: pointsValue.nullish(),
  description: optionalText(2000),
};
const needsDeduction = (v: { effect?: NegativeEffect; deduction?: number | null }, ctx: z.RefinementCtx) => {
  if (v.effect === 'deduct' && !v.deduction) ctx.addIssue({ code: 'custom', path: ['deduction'], message: 'required' });
};
export const negativeItemCreateBody = z
  .object({ ...negativeFields, id: z.string().uuid().optional(), code: indicatorCode.optional() })
  .superRefine(needsDeduction);
export type NegativeItemCreateBody = z.infer<typeof negativeItemCreateBody>;
export const negativeItemUpdateBody = z.object(negativeFields).partial();
export type NegativeItemUpdateBody = z.infer<typeof negativeItemUpdateBody>;

export const frameworkListQuery = pageQuery.extend({
  status: z.enum(frameworkStatuses).optional(),
  code: z.string().trim().max(50).optional(),
  familyId: z.string().uuid().optional(),
  q: z.string().trim().max(100).optional(),
});
export const frameworkDiffQuery = z.object({ against: z.string().uuid() });
/** Optional query (or multipart) fields of an import; `familyId` makes it the family's next version. */
export const frameworkImportFields = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  code: frameworkCode.optional(),
  familyId: z.string().uuid().optional(),
});

export interface FrameworkView {
  id: string;
  familyId: string;
  code: string;
  name: string;
  version: number;
  status: FrameworkStatus;
  derivedFrom: string | null;
  totalPoints: number | null;
  complianceLine: number | null;
  description: string | null;
  rowVersion: number;
  publishedAt: string | null;
  publishedBy: string | null;
  createdAt: string;
  indicatorCount: number;
  /** Nodes without children: the 测评标准 an inspection checks. */
  leafCount: number;
}

export interface IndicatorNode {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  standard: string | null;
  points: number | null;
  weight: number | null;
  methods: AssessmentMethod[];
  pointTypes: (typeof pointTypes)[number][];
  scoringRule: ScoringRule;
  isSumExempt: boolean;
  depth: number;
  position: number;
  children: IndicatorNode[];
}

export interface NegativeItemView {
  id: string;
  code: string;
  name: string;
  effect: NegativeEffect;
  deduction: number | null;
  description: string | null;
  position: number;
}

export interface FrameworkImportResult {
  id: string;
  version: number;
  indicatorCount: number;
}

export * from './frameworks-tree';
export { frameworkErrorMessages } from './frameworks-messages';
