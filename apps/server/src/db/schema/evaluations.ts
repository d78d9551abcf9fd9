// Tables of the evaluations module (SPEC 4.6): an evaluation (one version of one period of a series),
// its results per subject and level, and the per-standard scores that drill-downs and 失分项 read.
import {
  boolean,
  date,
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
import { createdAt, tenantId, tstz } from './types';

export const evaluation = pgTable(
  'evaluation',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    series: text('series').notNull(),
    version: integer('version').notNull(),
    frameworkId: uuid('framework_id').notNull(),
    periodKind: text('period_kind').notNull(),
    periodValue: text('period_value'),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    periodLabel: text('period_label').notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectLevel: text('subject_level'),
    regionCode: text('region_code').notNull(),
    scheme: jsonb('scheme').notNull(),
    lines: jsonb('lines').notNull(),
    state: text('state').notNull().default('queued'),
    error: text('error'),
    jobId: uuid('job_id'),
    /** Levels with results, lowest first, and the rates of each level. */
    levels: jsonb('levels').$type<string[]>().notNull().default([]),
    rates: jsonb('rates').notNull().default({}),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    computedAt: tstz('computed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('evaluation_series_version_uq').on(t.tenantId, t.series, t.periodStart, t.periodEnd, t.version),
    foreignKey({ columns: [t.tenantId, t.frameworkId], foreignColumns: [framework.tenantId, framework.id] }),
    index('evaluation_created_idx').on(t.tenantId, t.createdAt),
  ],
);

/** A subject's result in an evaluation, at one level of the ranking. */
export const evaluationResult = pgTable(
  'evaluation_result',
  {
    tenantId: tenantId(),
    evaluationId: uuid('evaluation_id').notNull(),
    subjectKey: text('subject_key').notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id'),
    subjectCode: text('subject_code'),
    subjectName: text('subject_name').notNull(),
    level: text('level').notNull(),
    regionCode: text('region_code').notNull(),
    /** Unit of a unit subject: what a unit-scoped reader may see. */
    unitId: uuid('unit_id'),
    position: integer('position').notNull().default(0),
    score: numeric('score', { precision: 10, scale: 2, mode: 'number' }),
    fullScore: numeric('full_score', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    rank: integer('rank'),
    rankChange: integer('rank_change'),
    previousScore: numeric('previous_score', { precision: 10, scale: 2, mode: 'number' }),
    passed: boolean('passed').notNull().default(false),
    excellent: boolean('excellent').notNull().default(false),
    compliant: boolean('compliant').notNull().default(false),
    redList: boolean('red_list').notNull().default(false),
    blackList: boolean('black_list').notNull().default(false),
    summons: boolean('summons').notNull().default(false),
    vetoed: boolean('vetoed').notNull().default(false),
    suspended: boolean('suspended').notNull().default(false),
    components: jsonb('components').notNull().default([]),
    negativeDeduction: numeric('negative_deduction', { precision: 10, scale: 2, mode: 'number' }).notNull().default(0),
    sampledPoints: integer('sampled_points').notNull().default(0),
    observations: integer('observations').notNull().default(0),
    problemsFound: integer('problems_found').notNull().default(0),
    problemsClosed: integer('problems_closed').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.evaluationId, t.subjectKey] }),
    foreignKey({
      columns: [t.tenantId, t.evaluationId],
      foreignColumns: [evaluation.tenantId, evaluation.id],
    }).onDelete('cascade'),
    index('evaluation_result_level_idx').on(t.tenantId, t.evaluationId, t.level, t.rank),
  ],
);

/** A standard's score in a subject (field, survey or review), kept for drill-down and the 失分项 list. */
export const evaluationIndicatorScore = pgTable(
  'evaluation_indicator_score',
  {
    tenantId: tenantId(),
    evaluationId: uuid('evaluation_id').notNull(),
    subjectKey: text('subject_key').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    source: text('source').notNull(),
    fullPoints: numeric('full_points', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    score: numeric('score', { precision: 12, scale: 4, mode: 'number' }).notNull(),
    met: integer('met'),
    applicable: integer('applicable'),
    notSampled: boolean('not_sampled').notNull().default(false),
  },
  (t) => [
    // No foreign key to evaluation: ~50,000 rows per run are derived data written only by the compute job, in the
    // transaction that reads the evaluation row and deletes the run's old rows first (evaluations are never
    // deleted: a recomputation is a new version). A per-row RI check cost a third of a full evaluation.
    primaryKey({ columns: [t.tenantId, t.evaluationId, t.subjectKey, t.indicatorId, t.source] }),
  ],
);
