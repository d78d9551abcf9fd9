import {
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
import { framework, indicator } from './frameworks';
import { person, unit } from './org';
import { file } from './platform';
import { createdAt, tenantId, tstz, updatedAt } from './types';

/** A campaign (创建周期 / 年度方案 / 专项行动) grouping action lines and tasks. */
export const campaign = pgTable(
  'campaign',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    description: text('description'),
    /** Framework whose indicators the tasks are decomposed from (Excel rows name indicators by code). */
    frameworkId: uuid('framework_id'),
    remindDaysBefore: integer('remind_days_before').notNull().default(3),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.frameworkId], foreignColumns: [framework.tenantId, framework.id] }),
  ],
);

/** An action line of a campaign (八大行动). */
export const campaignAction = pgTable(
  'campaign_action',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('campaign_action_name_uq').on(t.tenantId, t.campaignId, t.name),
    foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaign.tenantId, campaign.id] }).onDelete(
      'cascade',
    ),
  ],
);

/** A task of a campaign, assigned to a lead unit (and co-units in task_unit). */
export const task = pgTable(
  'task',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    actionId: uuid('action_id'),
    indicatorId: uuid('indicator_id'),
    title: text('title').notNull(),
    description: text('description'),
    leadUnitId: uuid('lead_unit_id').notNull(),
    ownerPersonId: uuid('owner_person_id'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    cadence: text('cadence').notNull(),
    state: text('state').notNull().default('assigned'),
    lastReportedAt: tstz('last_reported_at'),
    acceptedAt: tstz('accepted_at'),
    overdueAt: tstz('overdue_at'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaign.tenantId, campaign.id] }),
    foreignKey({ columns: [t.tenantId, t.actionId], foreignColumns: [campaignAction.tenantId, campaignAction.id] }),
    foreignKey({ columns: [t.tenantId, t.indicatorId], foreignColumns: [indicator.tenantId, indicator.id] }),
    foreignKey({ columns: [t.tenantId, t.leadUnitId], foreignColumns: [unit.tenantId, unit.id] }),
    foreignKey({ columns: [t.tenantId, t.ownerPersonId], foreignColumns: [person.tenantId, person.id] }),
    index('task_campaign_idx').on(t.tenantId, t.campaignId, t.deadline),
    index('task_state_deadline_idx').on(t.tenantId, t.state, t.deadline),
    index('task_lead_unit_idx').on(t.tenantId, t.leadUnitId),
  ],
);

/** Units responsible for a task: the lead unit and co-units, for scope and "my tasks". */
export const taskUnit = pgTable(
  'task_unit',
  {
    tenantId: tenantId(),
    taskId: uuid('task_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    role: text('role').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.taskId, t.unitId] }),
    foreignKey({ columns: [t.tenantId, t.taskId], foreignColumns: [task.tenantId, task.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [unit.tenantId, unit.id] }),
    index('task_unit_unit_idx').on(t.tenantId, t.unitId),
  ],
);

/** Every state change of a task, with its reason: the history shown beside the ledger. */
export const taskTransition = pgTable(
  'task_transition',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    taskId: uuid('task_id').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.taskId], foreignColumns: [task.tenantId, task.id] }).onDelete('cascade'),
    index('task_transition_task_idx').on(t.tenantId, t.taskId, t.at),
  ],
);

/** A ledger entry (工作台账): a progress report with text and evidence files. */
export const ledgerEntry = pgTable(
  'ledger_entry',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    taskId: uuid('task_id').notNull(),
    unitId: uuid('unit_id'),
    text: text('text').notNull(),
    fileIds: uuid('file_ids').array().notNull().default([]),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.taskId], foreignColumns: [task.tenantId, task.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [unit.tenantId, unit.id] }),
    index('ledger_entry_task_idx').on(t.tenantId, t.taskId, t.createdAt),
  ],
);

/** A notice to a unit: reminder, overdue notice, reminder letter (提醒函, with its document) or summons (约谈). */
export const notice = pgTable(
  'notice',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    campaignId: uuid('campaign_id'),
    taskId: uuid('task_id'),
    fileId: uuid('file_id'),
    docYear: integer('doc_year'),
    docSeq: integer('doc_seq'),
    docNumber: text('doc_number'),
    /** Set by the reminder job so that a rerun creates no second notice. */
    dedupeKey: text('dedupe_key'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('notice_dedupe_uq').on(t.tenantId, t.dedupeKey),
    unique('notice_doc_number_uq').on(t.tenantId, t.docYear, t.docSeq),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [unit.tenantId, unit.id] }),
    foreignKey({ columns: [t.tenantId, t.taskId], foreignColumns: [task.tenantId, task.id] }),
    foreignKey({ columns: [t.tenantId, t.fileId], foreignColumns: [file.tenantId, file.id] }),
    index('notice_unit_idx').on(t.tenantId, t.unitId, t.createdAt),
  ],
);

/** A unit's self-assessment (自查自评) against a published framework, and the office's check of it. */
export const selfAssessment = pgTable(
  'self_assessment',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    unitId: uuid('unit_id').notNull(),
    frameworkId: uuid('framework_id').notNull(),
    campaignId: uuid('campaign_id'),
    title: text('title').notNull(),
    status: text('status').notNull().default('draft'),
    reportFileId: uuid('report_file_id'),
    submittedAt: tstz('submitted_at'),
    checkedAt: tstz('checked_at'),
    /** The office's reason when it last returned the self-assessment for rework (状态 returned). */
    returnReason: text('return_reason'),
    returnedAt: tstz('returned_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [unit.tenantId, unit.id] }),
    foreignKey({ columns: [t.tenantId, t.frameworkId], foreignColumns: [framework.tenantId, framework.id] }),
    foreignKey({ columns: [t.tenantId, t.campaignId], foreignColumns: [campaign.tenantId, campaign.id] }),
    foreignKey({ columns: [t.tenantId, t.reportFileId], foreignColumns: [file.tenantId, file.id] }),
    index('self_assessment_unit_idx').on(t.tenantId, t.unitId),
  ],
);

/** One indicator's score on one side: the unit's own (`self`) or the office's check (`office`). */
export const assessmentScore = pgTable(
  'assessment_score',
  {
    tenantId: tenantId(),
    selfAssessmentId: uuid('self_assessment_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    side: text('side').notNull(),
    score: numeric('score', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    note: text('note'),
    fileIds: uuid('file_ids').array().notNull().default([]),
    scoredBy: uuid('scored_by'),
    scoredAt: tstz('scored_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.selfAssessmentId, t.indicatorId, t.side] }),
    foreignKey({
      columns: [t.tenantId, t.selfAssessmentId],
      foreignColumns: [selfAssessment.tenantId, selfAssessment.id],
    }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.indicatorId], foreignColumns: [indicator.tenantId, indicator.id] }),
  ],
);
