// Inspections (督查测评, SPEC 4.4): plans, teams, samples, the phone checklist and submissions.
import { z } from 'zod';
import { pageQuery, versionField, instantString } from './common';
import { pointsValue } from './frameworks';
import { type PointType, pointTypes, regionCode } from './org';
import './inspections-messages';

/** 督查 / 自查 / 核查 / 实地测评 / 回头看 / 暗访. */
export const inspectionPlanKinds = [
  'inspection',
  'self',
  'verification',
  'field_eval',
  'revisit',
  'unannounced',
] as const;
export type InspectionPlanKind = (typeof inspectionPlanKinds)[number];
export const inspectionPlanKindNames: Record<InspectionPlanKind, string> = {
  inspection: '督查',
  self: '自查',
  verification: '核查',
  field_eval: '实地测评',
  revisit: '回头看',
  unannounced: '暗访',
};

/** draft (sampling, teams) → published (teams inspect) → closed (no more submissions). */
export const inspectionPlanStatuses = ['draft', 'published', 'closed'] as const;
export type InspectionPlanStatus = (typeof inspectionPlanStatuses)[number];

export const observationResults = ['met', 'not_met', 'na'] as const;
export type ObservationResult = (typeof observationResults)[number];
export const findingSeverities = ['low', 'medium', 'high'] as const;
export type FindingSeverity = (typeof findingSeverities)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const isoDate = z.iso.date();
const instant = instantString;
const uuid = z.string().uuid();
/** A month period (SPEC 3.1): YYYY-MM. */
export const monthPeriod = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_format');

/** First and last day of a YYYY-MM month. */
export function monthRange(period: string): { startDate: string; endDate: string } {
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { startDate: `${period}-01`, endDate: `${period}-${String(last).padStart(2, '0')}` };
}

const planFields = {
  name: text(200),
  frameworkId: uuid,
  kind: z.enum(inspectionPlanKinds),
  /** A month (YYYY-MM), or else startDate and endDate. */
  period: monthPeriod.nullish(),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  /** The area the plan covers (its sample is drawn inside); the tenant's root when left out. */
  regionCode: regionCode.nullish(),
  note: optionalText(2000),
};
const periodOrDates = (
  b: { period?: string | null; startDate?: string | null; endDate?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (b.period && (b.startDate || b.endDate))
    ctx.addIssue({ code: 'custom', path: ['startDate'], message: 'period_or_dates' });
  else if (!b.period && (!b.startDate || !b.endDate))
    ctx.addIssue({ code: 'custom', path: [b.startDate ? 'endDate' : 'startDate'], message: 'required' });
  else if (b.startDate && b.endDate && b.endDate < b.startDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'end_before_start' });
};
export const inspectionPlanCreateBody = z.object({ id: uuid.optional(), ...planFields }).superRefine(periodOrDates);
export type InspectionPlanCreateBody = z.infer<typeof inspectionPlanCreateBody>;
/** Framework, kind and region change only in a draft; name, period and note also later. */
export const inspectionPlanUpdateBody = z.object({ ...planFields, version: versionField }).superRefine(periodOrDates);
export type InspectionPlanUpdateBody = z.infer<typeof inspectionPlanUpdateBody>;
export const inspectionPlanListQuery = pageQuery.extend({
  status: z.enum(inspectionPlanStatuses).optional(),
  kind: z.enum(inspectionPlanKinds).optional(),
  /** Plans whose dates overlap this month. */
  period: monthPeriod.optional(),
  q: z.string().trim().max(100).optional(),
});

export const planSampleModes = ['all', 'random', 'pick'] as const;
/** Which points a plan inspects: all of some types, a seeded random number per type, or hand-picked. */
export const planSampleBody = z
  .object({
    mode: z.enum(planSampleModes),
    /** Point types to draw from; empty means every type. */
    pointTypes: z.array(z.enum(pointTypes)).max(pointTypes.length).default([]),
    perType: z.number().int().min(1).max(100_000).nullish(),
    perTypeCounts: z.partialRecord(z.enum(pointTypes), z.number().int().min(0).max(100_000)).nullish(),
    /** Same seed, same candidates → same sample. Generated (and stored) when left out. */
    seed: z.string().trim().min(1).max(64).nullish(),
    pointIds: z.array(uuid).max(50_000).nullish(),
    /** Narrow the candidates to a region inside the plan's region. */
    regionCode: regionCode.nullish(),
  })
  .superRefine((b, ctx) => {
    if (b.mode === 'random' && !b.perType && !b.perTypeCounts)
      ctx.addIssue({ code: 'custom', path: ['perType'], message: 'required' });
    if (b.mode === 'pick' && !b.pointIds?.length)
      ctx.addIssue({ code: 'custom', path: ['pointIds'], message: 'required' });
  });
export type PlanSampleBody = z.infer<typeof planSampleBody>;
export interface PlanSampleResult {
  count: number;
  byType: Partial<Record<PointType, number>>;
  seed: string | null;
}

/** Split the sample among the teams: by region (neighbouring places to one team), or points to one team. */
export const planAssignBody = z.discriminatedUnion('strategy', [
  z.object({ strategy: z.literal('by_region') }),
  z.object({ strategy: z.literal('manual'), teamId: uuid, pointIds: z.array(uuid).min(1).max(50_000) }),
]);
export type PlanAssignBody = z.infer<typeof planAssignBody>;

export const inspectionTeamBody = z
  .object({
    id: uuid.optional(),
    name: text(100),
    /** Accounts of the team (督查组成员); each must hold inspection.perform. */
    memberIds: z.array(uuid).min(1).max(50),
    leaderId: uuid.nullish(),
  })
  .refine((b) => !b.leaderId || b.memberIds.includes(b.leaderId), { path: ['leaderId'], message: 'not_a_member' })
  .refine((b) => new Set(b.memberIds).size === b.memberIds.length, {
    path: ['memberIds'],
    message: 'duplicate_in_file',
  });
export type InspectionTeamBody = z.infer<typeof inspectionTeamBody>;
/** Accounts a planner may put in a team (active, holding inspection.perform), searched by name or username. */
export const inspectorListQuery = pageQuery.extend({ q: z.string().trim().max(100).optional() });
export interface InspectorOption {
  accountId: string;
  displayName: string;
  username: string;
}
export const inspectionTeamParams = z.object({ id: uuid, teamId: uuid });
export const inspectionPlanPointsQuery = pageQuery.extend({
  teamId: uuid.optional(),
  done: z.enum(['true', 'false']).optional(),
  pointType: z.enum(pointTypes).optional(),
});

export const inspectionGpsBody = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000).nullish(),
});
export const observationBody = z.object({
  id: uuid,
  indicatorId: uuid,
  result: z.enum(observationResults),
  note: optionalText(1000),
  /** Client ids of photos sent before through POST /files. */
  photoFileIds: z.array(uuid).max(20).default([]),
  /** Problem category of a finding (not met); `other` when left out. */
  findingCategory: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/)
    .nullish(),
  severity: z.enum(findingSeverities).nullish(),
  /** How many times the standard was found broken (deduct rules take this many deductions). */
  findingCount: z.number().int().min(1).max(999).nullish(),
  /** Level label of a graded standard. */
  level: z.string().trim().max(20).nullish(),
  /** Points given by hand for a manual standard. */
  awarded: pointsValue.nullish(),
});
export type ObservationBody = z.infer<typeof observationBody>;
export const inspectionNegativeHitBody = z.object({
  negativeItemId: uuid,
  note: optionalText(1000),
  photoFileIds: z.array(uuid).max(20).default([]),
});
export type InspectionNegativeHitBody = z.infer<typeof inspectionNegativeHitBody>;

const submissionFields = {
  startedAt: instant,
  submittedAt: instant,
  /** The phone's clock when it sent this (its offset from the server's shows a wrong clock). */
  clientTime: instant,
  gps: inspectionGpsBody.nullish(),
  note: optionalText(2000),
  observations: z.array(observationBody).min(1).max(500),
  negativeItems: z.array(inspectionNegativeHitBody).max(20).default([]),
};
const distinctObservations = (b: { observations: ObservationBody[] }, ctx: z.RefinementCtx) => {
  const seenIds = new Set<string>();
  const seenIndicators = new Set<string>();
  b.observations.forEach((o, i) => {
    if (seenIds.has(o.id))
      ctx.addIssue({ code: 'custom', path: ['observations', i, 'id'], message: 'duplicate_in_file' });
    if (seenIndicators.has(o.indicatorId))
      ctx.addIssue({ code: 'custom', path: ['observations', i, 'indicatorId'], message: 'duplicate_in_file' });
    seenIds.add(o.id);
    seenIndicators.add(o.indicatorId);
  });
};
/** An inspection from the phone: the client's id makes a resend store nothing twice. */
export const inspectionSubmitBody = z
  .object({ id: uuid, planId: uuid, pointId: uuid, ...submissionFields })
  .superRefine(distinctObservations);
export type InspectionSubmitBody = z.infer<typeof inspectionSubmitBody>;
/** An edit replaces the observations; `version` must be the stored one (else 409 with both versions). */
export const inspectionUpdateBody = z
  .object({ ...submissionFields, version: versionField })
  .superRefine(distinctObservations);
export type InspectionUpdateBody = z.infer<typeof inspectionUpdateBody>;
export const inspectionListQuery = pageQuery.extend({
  planId: uuid.optional(),
  pointId: uuid.optional(),
  teamId: uuid.optional(),
  regionCode: regionCode.optional(),
});
export const inspectionChecklistQuery = z.object({ planId: uuid });
export const inspectionTodayQuery = z.object({ planId: uuid.optional() });

export * from './inspections-views';
export * from './inspections-score';
export * from './inspections-sample';
export * from './inspections-survey';
