import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { framework } from './frameworks';
import { point, region } from './org';
import { account } from './platform';
import { createdAt, tenantId, tstz, updatedAt } from './types';

/** An inspection plan (督查/测评计划): framework, period, kind, a sample of points split among teams. */
export const inspectionPlan = pgTable(
  'inspection_plan',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    frameworkId: uuid('framework_id').notNull(),
    kind: text('kind').notNull(),
    period: text('period'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull().default('draft'),
    note: text('note'),
    /** The last sampling request with the seed it used, so the sample can be drawn again. */
    sample: jsonb('sample'),
    publishedAt: tstz('published_at'),
    closedAt: tstz('closed_at'),
    /** An unannounced plan (暗访) stays hidden from the inspected until this is set. */
    resultsPublishedAt: tstz('results_published_at'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.frameworkId], foreignColumns: [framework.tenantId, framework.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    index('inspection_plan_status_idx').on(t.tenantId, t.status, t.endDate),
  ],
);

/** An inspection team (督查组) of a plan. */
export const inspectionTeam = pgTable(
  'inspection_team',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.planId],
      foreignColumns: [inspectionPlan.tenantId, inspectionPlan.id],
    }).onDelete('cascade'),
    index('inspection_team_plan_idx').on(t.tenantId, t.planId),
  ],
);

/** A member (account) of a team; membership is what lets an inspector work on the team's points. */
export const inspectionTeamMember = pgTable(
  'inspection_team_member',
  {
    tenantId: tenantId(),
    teamId: uuid('team_id').notNull(),
    accountId: uuid('account_id').notNull(),
    planId: uuid('plan_id').notNull(),
    isLeader: boolean('is_leader').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.teamId, t.accountId] }),
    foreignKey({
      columns: [t.tenantId, t.teamId],
      foreignColumns: [inspectionTeam.tenantId, inspectionTeam.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [account.tenantId, account.id] }),
    index('inspection_team_member_account_idx').on(t.tenantId, t.accountId, t.planId),
  ],
);

/** A point in a plan's sample, with the team it is assigned to. */
export const inspectionPlanPoint = pgTable(
  'inspection_plan_point',
  {
    tenantId: tenantId(),
    planId: uuid('plan_id').notNull(),
    pointId: uuid('point_id').notNull(),
    teamId: uuid('team_id'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.planId, t.pointId] }),
    foreignKey({
      columns: [t.tenantId, t.planId],
      foreignColumns: [inspectionPlan.tenantId, inspectionPlan.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.pointId], foreignColumns: [point.tenantId, point.id] }),
    index('inspection_plan_point_team_idx').on(t.tenantId, t.teamId),
    index('inspection_plan_point_point_idx').on(t.tenantId, t.pointId),
  ],
);

/** One inspection of a point in a plan, sent from the phone with its client-generated id. */
export const inspection = pgTable(
  'inspection',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    pointId: uuid('point_id').notNull(),
    teamId: uuid('team_id'),
    frameworkId: uuid('framework_id').notNull(),
    pointType: text('point_type').notNull(),
    regionCode: text('region_code').notNull(),
    gridId: uuid('grid_id'),
    inspectorId: uuid('inspector_id'),
    startedAt: tstz('started_at').notNull(),
    submittedAt: tstz('submitted_at').notNull(),
    clientTime: tstz('client_time').notNull(),
    receivedAt: tstz('received_at').notNull().defaultNow(),
    gpsLat: doublePrecision('gps_lat'),
    gpsLng: doublePrecision('gps_lng'),
    gpsAccuracy: doublePrecision('gps_accuracy'),
    note: text('note'),
    score: numeric('score', { precision: 5, scale: 4, mode: 'number' }),
    earned: numeric('earned', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    applicable: numeric('applicable', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    negativeDeduction: numeric('negative_deduction', { precision: 10, scale: 2, mode: 'number' }).notNull().default(0),
    vetoed: boolean('vetoed').notNull().default(false),
    suspended: boolean('suspended').notNull().default(false),
    /** Negative-list items found: [{negativeItemId, note, photoFileIds}]. */
    negativeItems: jsonb('negative_items').notNull().default([]),
    findingCount: integer('finding_count').notNull().default(0),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [inspectionPlan.tenantId, inspectionPlan.id] }),
    index('inspection_plan_point_idx').on(t.tenantId, t.planId, t.pointId),
    index('inspection_point_idx').on(t.tenantId, t.pointId),
    index('inspection_region_idx').on(t.tenantId, t.regionCode),
    index('inspection_inspector_idx').on(t.tenantId, t.inspectorId, t.receivedAt),
    // A period's inspections of a framework (evaluations): without it the period filter read every inspection
    // ever made, and a month's evaluation slowed as history grew (bench/history.ts).
    index('inspection_period_idx').on(t.tenantId, t.frameworkId, t.submittedAt),
  ],
);

/** One standard's result in an inspection (met / not met / N/A), with its photos and the problem it raised. */
export const inspectionObservation = pgTable(
  'inspection_observation',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    inspectionId: uuid('inspection_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    position: integer('position').notNull(),
    result: text('result').notNull(),
    note: text('note'),
    photoFileIds: uuid('photo_file_ids').array().notNull().default([]),
    findingCategory: text('finding_category'),
    severity: text('severity'),
    findingCount: integer('finding_count'),
    level: text('level'),
    awarded: numeric('awarded', { precision: 10, scale: 2, mode: 'number' }),
    earned: numeric('earned', { precision: 10, scale: 2, mode: 'number' }),
    problemId: uuid('problem_id'),
    /** The inspection's submitted_at: the month partition the row lives in (platform/partitions.ts). */
    submittedAt: tstz('submitted_at').notNull(),
  },
  (t) => [
    // Partitioned by month of submitted_at: keys of a partitioned table include its partition column.
    primaryKey({ columns: [t.tenantId, t.id, t.submittedAt] }),
    // No foreign key to inspection: observations are written only with their inspection, in its transaction
    // (submit, edit), and inspections are never deleted; the check would cost a lookup and a lock of the
    // inspection row for each of a submission's ~30 rows (docs/decisions/0002).
    unique('inspection_observation_indicator_uq').on(t.tenantId, t.inspectionId, t.indicatorId, t.submittedAt),
  ],
);

/**
 * Each observation id once per tenant, with the inspection it belongs to: the partitioned observation table can be
 * unique only with its partition column, so ids are claimed here (inspection.repository.ts insertObservations).
 */
export const inspectionObservationKey = pgTable(
  'inspection_observation_key',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    inspectionId: uuid('inspection_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** A questionnaire (问卷调查) of awareness (知晓率) and satisfaction (满意率) questions. */
export const questionnaire = pgTable(
  'questionnaire',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    planId: uuid('plan_id'),
    regionCode: text('region_code').notNull(),
    indicatorId: uuid('indicator_id'),
    /** [{id, kind, scale, text}] */
    questions: jsonb('questions').notNull(),
    status: text('status').notNull().default('open'),
    isPublic: boolean('is_public').notNull().default(false),
    /** The public link's token; it starts with the tenant id (base64url), so a lookup stays in one tenant. */
    publicToken: text('public_token'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('questionnaire_token_uq').on(t.tenantId, t.publicToken),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [inspectionPlan.tenantId, inspectionPlan.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
  ],
);

/** One filled-in questionnaire: by an inspector with a resident, or by a resident through the public link. */
export const surveyResponse = pgTable(
  'survey_response',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    questionnaireId: uuid('questionnaire_id').notNull(),
    regionCode: text('region_code').notNull(),
    pointId: uuid('point_id'),
    channel: text('channel').notNull(),
    respondentBy: uuid('respondent_by'),
    clientTime: tstz('client_time'),
    receivedAt: tstz('received_at').notNull().defaultNow(),
    gpsLat: doublePrecision('gps_lat'),
    gpsLng: doublePrecision('gps_lng'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.questionnaireId],
      foreignColumns: [questionnaire.tenantId, questionnaire.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    index('survey_response_questionnaire_idx').on(t.tenantId, t.questionnaireId, t.regionCode),
  ],
);

/** One answer of a response, kept as a row so that rates are counted in SQL per region. */
export const surveyAnswer = pgTable(
  'survey_answer',
  {
    tenantId: tenantId(),
    responseId: uuid('response_id').notNull(),
    questionId: text('question_id').notNull(),
    questionnaireId: uuid('questionnaire_id').notNull(),
    regionCode: text('region_code').notNull(),
    value: text('value').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.responseId, t.questionId] }),
    foreignKey({
      columns: [t.tenantId, t.responseId],
      foreignColumns: [surveyResponse.tenantId, surveyResponse.id],
    }).onDelete('cascade'),
    index('survey_answer_questionnaire_idx').on(t.tenantId, t.questionnaireId, t.regionCode),
  ],
);
