// Questionnaires (问卷调查): awareness (知晓率) and satisfaction (满意率) questions, answers, rates.
import { z } from 'zod';
import { pageQuery, versionField, instantString } from './common';
import { regionCode, regionLevels } from './org';

export const surveyQuestionKinds = ['awareness', 'satisfaction'] as const;
export type SurveyQuestionKind = (typeof surveyQuestionKinds)[number];
/** knows: 知道/不知道 (awareness); yes_no: 满意/不满意; five_level: 满意 … 很不满意 (satisfaction). */
export const surveyQuestionScales = ['knows', 'yes_no', 'five_level'] as const;
export type SurveyQuestionScale = (typeof surveyQuestionScales)[number];

export const surveyScaleAnswers: Record<SurveyQuestionScale, readonly string[]> = {
  knows: ['knows', 'not_knows'],
  yes_no: ['yes', 'no'],
  five_level: ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied', 'very_dissatisfied'],
};
export const surveyAnswerLabels: Record<string, string> = {
  knows: '知道',
  not_knows: '不知道',
  yes: '满意',
  no: '不满意',
  very_satisfied: '满意',
  satisfied: '比较满意',
  neutral: '一般',
  dissatisfied: '不满意',
  very_dissatisfied: '很不满意',
};
/** Answers counted in the rate's numerator: 知道; 满意; 满意 and 比较满意 on five levels. */
const positiveAnswers: Record<SurveyQuestionScale, readonly string[]> = {
  knows: ['knows'],
  yes_no: ['yes'],
  five_level: ['very_satisfied', 'satisfied'],
};

/** True when the answer counts towards the awareness or satisfaction rate. */
export function isPositiveSurveyAnswer(scale: SurveyQuestionScale, value: string): boolean {
  return positiveAnswers[scale].includes(value);
}

export interface SurveyRate {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator as a percentage with 2 decimals; null without answers. */
  percent: number | null;
}
/** A rate from its counts. */
export function surveyRateOf(numerator: number, denominator: number): SurveyRate {
  const percent = denominator > 0 ? Math.round((numerator / denominator) * 10_000) / 100 : null;
  return { numerator, denominator, percent };
}

const questionId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'invalid_format');
export const surveyQuestionBody = z
  .object({
    id: questionId.optional(),
    kind: z.enum(surveyQuestionKinds),
    scale: z.enum(surveyQuestionScales).optional(),
    text: z.string().trim().min(1).max(500),
  })
  .transform((q) => ({ ...q, scale: q.scale ?? (q.kind === 'awareness' ? 'knows' : 'five_level') }))
  .refine((q) => (q.kind === 'awareness') === (q.scale === 'knows'), { path: ['scale'], message: 'invalid_value' });
export type SurveyQuestionBody = z.infer<typeof surveyQuestionBody>;
export interface SurveyQuestion {
  id: string;
  kind: SurveyQuestionKind;
  scale: SurveyQuestionScale;
  text: string;
}

export const questionnaireStatuses = ['open', 'closed'] as const;
const questionnaireFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullish(),
  /** The plan the questionnaire belongs to (its teams fill it in), or none (standalone). */
  planId: z.string().uuid().nullish(),
  /** The area asked; answers are counted per region inside it. The tenant's root when left out. */
  regionCode: regionCode.nullish(),
  /** The framework standard (测评标准) whose rate this measures, e.g. 市民对…的满意率. */
  indicatorId: z.string().uuid().nullish(),
  /** Residents may answer through a public link. */
  isPublic: z.boolean().default(false),
  questions: z.array(surveyQuestionBody).min(1).max(50),
};
const distinctQuestions = (b: { questions: { id?: string }[] }, ctx: z.RefinementCtx) => {
  const ids = b.questions.map((q) => q.id).filter(Boolean);
  if (new Set(ids).size !== ids.length)
    ctx.addIssue({ code: 'custom', path: ['questions'], message: 'duplicate_in_file' });
};
export const questionnaireBody = z
  .object({ id: z.string().uuid().optional(), ...questionnaireFields })
  .superRefine(distinctQuestions);
export type QuestionnaireBody = z.infer<typeof questionnaireBody>;
/** Questions can change only while there are no responses. */
export const questionnaireUpdateBody = z
  .object({ ...questionnaireFields, status: z.enum(questionnaireStatuses), version: versionField })
  .superRefine(distinctQuestions);
export type QuestionnaireUpdateBody = z.infer<typeof questionnaireUpdateBody>;
export const questionnaireListQuery = pageQuery.extend({
  planId: z.string().uuid().optional(),
  status: z.enum(questionnaireStatuses).optional(),
});

export const surveyAnswerBody = z.object({ questionId, value: z.string().max(40) });
const responseFields = {
  id: z.string().uuid(),
  answers: z.array(surveyAnswerBody).min(1).max(50),
  clientTime: instantString.nullish(),
};
/** A response taken by an inspector with a resident (on the phone; the client id makes resends harmless). */
export const surveyResponseBody = z.object({
  ...responseFields,
  questionnaireId: z.string().uuid(),
  /** Where the resident lives; the point's region when a point is given. */
  regionCode: regionCode.nullish(),
  pointId: z.string().uuid().nullish(),
  gps: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).nullish(),
});
export type SurveyResponseBody = z.infer<typeof surveyResponseBody>;
/** A response through the public link: the resident picks their community. */
export const publicResponseBody = z.object({ ...responseFields, regionCode });
export type PublicResponseBody = z.infer<typeof publicResponseBody>;
export const surveyTokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,80}$/) });
export const surveyResultsQuery = z.object({ level: z.enum(regionLevels).default('village') });

export interface QuestionnaireView {
  id: string;
  title: string;
  description: string | null;
  planId: string | null;
  regionCode: string;
  regionName: string | null;
  indicatorId: string | null;
  isPublic: boolean;
  /** The public link's token (only for holders of survey.manage). */
  publicToken: string | null;
  status: (typeof questionnaireStatuses)[number];
  questions: SurveyQuestion[];
  responseCount: number;
  version: number;
  createdAt: string;
}
export interface PublicSurveyView {
  title: string;
  description: string | null;
  questions: (SurveyQuestion & { answers: { value: string; label: string }[] })[];
  /** Communities to choose from. */
  regions: { code: string; name: string }[];
}
export interface SurveyResultRow {
  regionCode: string;
  regionName: string | null;
  responses: number;
  awareness: SurveyRate | null;
  satisfaction: SurveyRate | null;
  questions: Record<string, SurveyRate>;
}
export interface SurveyResults {
  questionnaireId: string;
  level: (typeof regionLevels)[number];
  rows: SurveyResultRow[];
  total: Omit<SurveyResultRow, 'regionCode' | 'regionName'>;
}
