// Campaigns, tasks, ledgers, notices and self-assessment (SPEC 4.3): enums, the task state machine, bodies.
import { z } from 'zod';
import { pageQuery, versionField, instantString } from './common';
import './campaign-messages';

export const campaignKinds = ['cycle', 'yearly_plan', 'special_action'] as const;
export type CampaignKind = (typeof campaignKinds)[number];
export const campaignKindLabels: Record<CampaignKind, string> = {
  cycle: '创建周期',
  yearly_plan: '年度方案',
  special_action: '专项行动',
};

/** The 一事一台账、一日一清查、一周一小结、一月一盘点、一年一归零 rhythm. */
export const taskCadences = ['daily', 'weekly', 'monthly', 'yearly', 'once'] as const;
export type TaskCadence = (typeof taskCadences)[number];
export const taskCadenceLabels: Record<TaskCadence, string> = {
  daily: '一日一清查',
  weekly: '一周一小结',
  monthly: '一月一盘点',
  yearly: '一年一归零',
  once: '一事一台账',
};

// ---- the task state machine, as data ----

export const taskStates = ['assigned', 'in_progress', 'reported', 'returned', 'accepted', 'overdue'] as const;
export type TaskState = (typeof taskStates)[number];
export const taskActions = ['start', 'report', 'accept', 'return', 'mark_overdue'] as const;
export type TaskAction = (typeof taskActions)[number];
/** Who acts: the responsible unit (task.report), the office (task.review) or the reminder job. */
export const taskActorRoles = ['unit', 'office', 'system'] as const;
export type TaskActorRole = (typeof taskActorRoles)[number];

export interface TaskTransition {
  from: TaskState;
  action: TaskAction;
  to: TaskState;
  by: TaskActorRole;
}

const t = (from: TaskState, action: TaskAction, to: TaskState, by: TaskActorRole): TaskTransition => ({
  from,
  action,
  to,
  by,
});

/** Every allowed transition; anything not listed is refused. */
export const taskTransitions: readonly TaskTransition[] = [
  t('assigned', 'start', 'in_progress', 'unit'),
  t('returned', 'start', 'in_progress', 'unit'),
  t('assigned', 'report', 'reported', 'unit'),
  t('in_progress', 'report', 'reported', 'unit'),
  t('returned', 'report', 'reported', 'unit'),
  // Reporting stays possible after the deadline; the lateness shows in the progress views.
  t('overdue', 'report', 'reported', 'unit'),
  t('reported', 'accept', 'accepted', 'office'),
  t('reported', 'return', 'returned', 'office'),
  t('assigned', 'mark_overdue', 'overdue', 'system'),
  t('in_progress', 'mark_overdue', 'overdue', 'system'),
  t('returned', 'mark_overdue', 'overdue', 'system'),
];

/** Actions that must give a reason (a return says what is missing). */
export const taskActionsNeedingReason: readonly TaskAction[] = ['return'];
/** States in which the deadline still runs (the reminder job looks at these). */
export const openTaskStates: readonly TaskState[] = ['assigned', 'in_progress', 'returned'];

/** The state an action leads to, or null when the action is not allowed in that state. */
export function nextTaskState(state: TaskState, action: TaskAction): TaskState | null {
  return taskTransitions.find((x) => x.from === state && x.action === action)?.to ?? null;
}

/** The actions a role may take on a task in a state, in table order. */
export function allowedTaskActions(state: TaskState, role: TaskActorRole): TaskAction[] {
  return taskTransitions.filter((x) => x.from === state && x.by === role).map((x) => x.action);
}

/** The role an action belongs to. */
export function taskActionRole(action: TaskAction): TaskActorRole {
  return taskTransitions.find((x) => x.action === action)!.by;
}

// ---- bodies and queries ----

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();
const isoDate = z.iso.date();
const fileIds = z.array(z.string().uuid()).max(30).default([]);
const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const campaignActionBody = z.object({
  id: z.string().uuid().optional(),
  name: text(100),
  description: optionalText(1000),
});

export const campaignBody = z
  .object({
    id: z.string().uuid().optional(),
    name: text(200),
    kind: z.enum(campaignKinds),
    startDate: isoDate,
    endDate: isoDate,
    description: optionalText(4000),
    frameworkId: z.string().uuid().optional().nullable(),
    /** Days before a deadline when the reminder job sends a reminder. */
    remindDaysBefore: z.number().int().min(0).max(60).default(3),
    actions: z.array(campaignActionBody).max(50).default([]),
  })
  .refine((b) => b.endDate >= b.startDate, { path: ['endDate'], message: 'end_before_start' })
  .refine((b) => new Set(b.actions.map((a) => a.name)).size === b.actions.length, {
    path: ['actions'],
    message: 'duplicate_in_file',
  });
export type CampaignBody = z.infer<typeof campaignBody>;
export const campaignUpdateBody = campaignBody.and(z.object({ version: versionField }));
export type CampaignUpdateBody = z.infer<typeof campaignUpdateBody>;
export const campaignListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(campaignKinds).optional(),
});

export const taskBody = z.object({
  id: z.string().uuid().optional(),
  title: text(300),
  description: optionalText(4000),
  actionId: z.string().uuid().optional().nullable(),
  /** The indicator (of a published framework) the task was decomposed from. */
  indicatorId: z.string().uuid().optional().nullable(),
  leadUnitId: z.string().uuid(),
  coUnitIds: z.array(z.string().uuid()).max(50).default([]),
  ownerPersonId: z.string().uuid().optional().nullable(),
  deadline: isoDate,
  cadence: z.enum(taskCadences).default('once'),
});
export type TaskBody = z.infer<typeof taskBody>;

export const taskListQuery = pageQuery.extend({
  campaignId: z.string().uuid().optional(),
  unitId: z.string().uuid().optional(),
  actionId: z.string().uuid().optional(),
  indicatorId: z.string().uuid().optional(),
  state: z.enum(taskStates).optional(),
  deadlineFrom: isoDate.optional(),
  deadlineTo: isoDate.optional(),
  /** Past the deadline and neither reported nor accepted. */
  overdue: boolQuery.optional(),
  /** Still waiting for the responsible unit: assigned, in progress, returned or overdue. */
  open: boolQuery.optional(),
  q: z.string().trim().max(100).optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

/** Actions taken through POST /tasks/{id}/transitions; a report goes through the ledger. */
export const taskTransitionBody = z
  .object({ action: z.enum(['start', 'accept', 'return']), reason: optionalText(2000) })
  .refine((b) => !taskActionsNeedingReason.includes(b.action) || !!b.reason, {
    path: ['reason'],
    message: 'required',
  });

export const ledgerEntryBody = z.object({
  /** Client-generated id: a resend with the same id stores the entry once. */
  id: z.string().uuid().optional(),
  text: text(10_000),
  fileIds,
});
export type LedgerEntryBody = z.infer<typeof ledgerEntryBody>;

export const progressQuery = z.object({
  period: z.enum(['month', 'week']).default('month'),
  by: z.enum(['unit', 'action']).default('unit'),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const noticeKinds = ['reminder', 'overdue', 'reminder_letter', 'summons'] as const;
export type NoticeKind = (typeof noticeKinds)[number];
export const noticeKindLabels: Record<NoticeKind, string> = {
  reminder: '到期提醒',
  overdue: '逾期提醒',
  reminder_letter: '提醒函',
  summons: '约谈',
};
export const noticeListQuery = pageQuery.extend({ kind: z.enum(noticeKinds).optional() });
export const reminderLetterBody = z.object({
  campaignId: z.string().uuid().optional(),
  /** Working days the unit has to catch up, printed in the letter. */
  replyWithinDays: z.number().int().min(1).max(60).default(5),
});
export const summonsBody = z.object({
  id: z.string().uuid().optional(),
  reason: text(2000),
  scheduledAt: instantString.optional(),
  place: optionalText(200),
  attendees: optionalText(500),
  taskIds: z.array(z.string().uuid()).max(200).default([]),
});

export const selfAssessmentBody = z.object({
  id: z.string().uuid().optional(),
  unitId: z.string().uuid(),
  frameworkId: z.string().uuid(),
  campaignId: z.string().uuid().optional().nullable(),
  title: optionalText(200),
});
/** States of a self-assessment: the unit drafts (again after a return), submits; the office checks or returns. */
export const selfAssessmentStatuses = ['draft', 'submitted', 'returned', 'checked'] as const;
export type SelfAssessmentStatus = (typeof selfAssessmentStatuses)[number];
export const selfAssessmentListQuery = pageQuery.extend({
  unitId: z.string().uuid().optional(),
  frameworkId: z.string().uuid().optional(),
  status: z.enum(selfAssessmentStatuses).optional(),
});
/** The office sends a submitted self-assessment back to the unit, saying why. */
export const selfAssessmentReturnBody = z.object({ reason: text(2000) });
export const indicatorScoresBody = z.object({
  scores: z
    .array(
      z.object({
        indicatorId: z.string().uuid(),
        score: z.number().min(0).max(100_000),
        note: optionalText(2000),
        fileIds,
      }),
    )
    .min(1)
    .max(5000),
});
export type IndicatorScoresBody = z.infer<typeof indicatorScoresBody>;
export const assessmentSides = ['self', 'office'] as const;
export type AssessmentSide = (typeof assessmentSides)[number];

export * from './campaign-views';
