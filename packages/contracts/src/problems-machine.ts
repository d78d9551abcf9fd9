// Problems and rectification (SPEC 4.5): the problem state machine as data, severities, deadlines and sources.
import type { Permission } from './permissions';

export const problemStatuses = [
  'reported',
  'assigned',
  'rectifying',
  'submitted',
  'verified',
  'closed',
  'returned',
  'reopened',
  'disputed',
  'duplicate',
] as const;
export type ProblemStatus = (typeof problemStatuses)[number];
export const problemStatusLabels: Record<ProblemStatus, string> = {
  reported: '待派单',
  assigned: '已派单',
  rectifying: '整改中',
  submitted: '待验收',
  verified: '已验收',
  closed: '已销号',
  returned: '已退回',
  reopened: '回头看复现',
  disputed: '有异议',
  duplicate: '重复问题',
};

export const problemActions = [
  'assign',
  'start',
  'submit',
  'verify',
  'return',
  'close',
  'reopen',
  'dispute',
  'reassign',
  'reject_dispute',
  'mark_duplicate',
] as const;
export type ProblemAction = (typeof problemActions)[number];
export const problemActionLabels: Record<ProblemAction, string> = {
  assign: '派单',
  start: '开始整改',
  submit: '提交整改',
  verify: '验收通过',
  return: '退回整改',
  close: '销号',
  reopen: '重新打开',
  dispute: '提出异议',
  reassign: '改派',
  reject_dispute: '驳回异议',
  mark_duplicate: '标记重复',
};

/** Who acts: the civilization office, the responsible unit (or grid worker), or the inspector who verifies. */
export const problemActorRoles = ['office', 'unit', 'inspector'] as const;
export type ProblemActorRole = (typeof problemActorRoles)[number];

/** The permission each action needs; the actor's scope for that permission must also cover the problem. */
export const problemActionPermissions: Record<ProblemAction, Permission> = {
  assign: 'problem.assign',
  reassign: 'problem.assign',
  reject_dispute: 'problem.assign',
  mark_duplicate: 'problem.assign',
  start: 'problem.rectify',
  submit: 'problem.rectify',
  dispute: 'problem.rectify',
  verify: 'problem.verify',
  return: 'problem.verify',
  reopen: 'problem.verify',
  close: 'problem.close',
};

/** A move of the machine. Who may make it is the action's permission (problemActionPermissions) over the problem's
 * scope; the comment on each group says whose move it usually is. */
export interface ProblemTransition {
  from: ProblemStatus;
  action: ProblemAction;
  to: ProblemStatus;
}

const t = (from: ProblemStatus, action: ProblemAction, to: ProblemStatus) => ({ from, action, to });

/** Every allowed transition; anything not listed is refused with 409 PROBLEM_TRANSITION_NOT_ALLOWED. */
export const problemTransitions: readonly ProblemTransition[] = [
  t('reported', 'assign', 'assigned'),
  t('reported', 'mark_duplicate', 'duplicate'),
  t('assigned', 'start', 'rectifying'),
  t('assigned', 'dispute', 'disputed'),
  t('assigned', 'reassign', 'assigned'),
  t('assigned', 'mark_duplicate', 'duplicate'),
  t('rectifying', 'submit', 'submitted'),
  t('rectifying', 'dispute', 'disputed'),
  t('rectifying', 'reassign', 'assigned'),
  t('submitted', 'verify', 'verified'),
  t('submitted', 'return', 'returned'),
  t('returned', 'start', 'rectifying'),
  t('returned', 'reassign', 'assigned'),
  t('verified', 'close', 'closed'),
  t('verified', 'reopen', 'reopened'),
  t('closed', 'reopen', 'reopened'),
  t('reopened', 'start', 'rectifying'),
  t('reopened', 'dispute', 'disputed'),
  t('reopened', 'reassign', 'assigned'),
  // The office decides a dispute: the unit was right (reassign) or not (reject: back to the same unit).
  t('disputed', 'reassign', 'assigned'),
  t('disputed', 'reject_dispute', 'assigned'),
  t('disputed', 'mark_duplicate', 'duplicate'),
];

/** Actions that must say why. */
export const problemActionsNeedingReason: readonly ProblemAction[] = [
  'return',
  'dispute',
  'reopen',
  'reassign',
  'reject_dispute',
];
/** Actions that name the unit the problem goes to. */
export const problemActionsNeedingUnit: readonly ProblemAction[] = ['assign', 'reassign'];
/** Actions whose photos are kept, and as what: after-photos of the rectification, or photos of the problem. */
export const problemActionPhotoKinds: Partial<Record<ProblemAction, 'before' | 'after'>> = {
  submit: 'after',
  return: 'before',
  reopen: 'before',
};
/** States in which the unit's deadline runs (reminders, overdue, escalation look at these). */
export const openProblemStatuses: readonly ProblemStatus[] = ['assigned', 'rectifying', 'returned', 'reopened'];
/** States of a problem that is over: not offered as the original of a duplicate. */
export const finishedProblemStatuses: readonly ProblemStatus[] = ['verified', 'closed', 'duplicate'];
/** States that count as closed for Open311 (`status=closed`). */
export const closedProblemStatuses: readonly ProblemStatus[] = ['verified', 'closed', 'duplicate'];

/** The state an action leads to, or null when the state machine has no such edge. */
export function nextProblemStatus(status: ProblemStatus, action: ProblemAction): ProblemStatus | null {
  return problemTransitions.find((x) => x.from === status && x.action === action)?.to ?? null;
}

/** The actions a holder of these permissions may take in a state, in table order (scope is checked apart). */
export function allowedProblemActions(status: ProblemStatus, permissions: Iterable<string>): ProblemAction[] {
  const held = new Set(permissions);
  const all = held.has('*');
  return problemTransitions
    .filter((x) => x.from === status && (all || held.has(problemActionPermissions[x.action])))
    .map((x) => x.action);
}

/** Whose move an action is, read off the permission it needs (the one rule of who may act). */
export function problemActionRole(action: ProblemAction): ProblemActorRole {
  const permission = problemActionPermissions[action];
  if (permission === 'problem.rectify') return 'unit';
  if (permission === 'problem.verify') return 'inspector';
  return 'office';
}

// ---- severity, deadlines, sources ----

export const problemSeverities = ['low', 'medium', 'high'] as const;
export type ProblemSeverity = (typeof problemSeverities)[number];
export const problemSeverityLabels: Record<ProblemSeverity, string> = { low: '一般', medium: '较重', high: '严重' };

export interface ProblemSettings {
  /** Days a unit has to rectify, counted from assignment, by severity. */
  deadlineDays: Record<ProblemSeverity, number>;
  /** Hours before the deadline when the unit gets a reminder. */
  remindHoursBefore: number;
  /** Hours after the deadline when the unit's leader and the office get an escalation notice. */
  escalateAfterHours: number;
  /** Duplicate suggestions: open problems of the category within this distance … */
  duplicateRadiusMetres: number;
  /** … reported within this many days. */
  duplicateWindowDays: number;
}

export const defaultProblemSettings: ProblemSettings = {
  deadlineDays: { high: 1, medium: 3, low: 7 },
  remindHoursBefore: 24,
  escalateAfterHours: 48,
  duplicateRadiusMetres: 100,
  duplicateWindowDays: 30,
};

/** The deadline of a problem assigned at `from` with a severity, by the tenant's rules. */
export function problemDeadline(
  severity: ProblemSeverity,
  from: Date,
  rules: Pick<ProblemSettings, 'deadlineDays'> = defaultProblemSettings,
): Date {
  return new Date(from.getTime() + rules.deadlineDays[severity] * 86_400_000);
}

export const problemSources = ['inspection', 'grid', 'self_inspection', 'resident', 'open311', 'office'] as const;
export type ProblemSource = (typeof problemSources)[number];
export const problemSourceLabels: Record<ProblemSource, string> = {
  inspection: '督查发现',
  grid: '网格员上报',
  self_inspection: '单位自查',
  resident: '群众随手拍',
  open311: 'Open311',
  office: '文明办录入',
};

export const problemNoticeKinds = ['reminder', 'overdue', 'escalation'] as const;
export type ProblemNoticeKind = (typeof problemNoticeKinds)[number];
