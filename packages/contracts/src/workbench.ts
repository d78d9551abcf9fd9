// The desktop home of every role (工作台): what is waiting for the caller (待办), what falls due (deadlines), and the
// caller's own figures and small charts, all computed on the server within the caller's scope.
import { z } from 'zod';
import { type RoleCode, roleCodes } from './permissions';

/** `GET /workbench?role=…`: lay out the workbench of one of the caller's roles (default: the first held). */
export const workbenchQuery = z.object({ role: z.enum(roleCodes).optional() });
export type WorkbenchQuery = z.infer<typeof workbenchQuery>;

/** Kinds of waiting work, each with a count and a link to the filtered list that holds it. */
export const workbenchTodoKeys = [
  'tasks_to_review',
  'tasks_to_report',
  'problems_to_assign',
  'problems_to_verify',
  'problems_to_rectify',
  'problems_disputed',
  'my_reports_open',
  'inspections_to_do',
  'plans_draft',
  'orders_to_review',
  'orders_to_dispatch',
  'orders_returned',
  'orders_to_serve',
  'orders_to_grab',
  'orders_to_rate',
  'hours_to_confirm',
  'activities_signed_up',
  'accounts_locked',
  'accounts_password_change',
] as const;
export type WorkbenchTodoKey = (typeof workbenchTodoKeys)[number];

/** Things with a due date shown in the deadline list. */
export const workbenchItemKinds = ['task', 'problem', 'inspection_plan', 'service_order', 'activity'] as const;
export type WorkbenchItemKind = (typeof workbenchItemKinds)[number];

/** The caller's own figures. */
export const workbenchFigureKeys = [
  'problems_open',
  'problems_overdue',
  'rectification_rate',
  'tasks_open',
  'tasks_overdue',
  'tasks_accepted',
  'inspections_month',
  'orders_open',
  'orders_month',
  'volunteers',
  'activities_month',
  'hours_confirmed',
  'hours_pending',
  'timebank_balance',
  'my_reports',
  'my_orders',
  'accounts_total',
  'accounts_active_sessions',
  'audit_events_today',
  'audit_events_week',
] as const;
export type WorkbenchFigureKey = (typeof workbenchFigureKeys)[number];

/** Small charts: a donut of states, or bars over days or months. */
export const workbenchChartKeys = [
  'problems_by_status',
  'tasks_by_state',
  'orders_by_status',
  'hours_by_month',
  'audit_by_day',
  'accounts_by_role',
] as const;
export type WorkbenchChartKey = (typeof workbenchChartKeys)[number];

export type WorkbenchUnit = 'count' | 'percent' | 'hours';

export interface WorkbenchTodo {
  key: WorkbenchTodoKey;
  count: number;
  /** The desktop page (with its filters) that lists these items. */
  link: string;
}

export interface WorkbenchDeadline {
  kind: WorkbenchItemKind;
  id: string;
  title: string;
  /** ISO instant (or YYYY-MM-DD for date deadlines such as tasks). */
  due: string;
  overdue: boolean;
  link: string;
}

export interface WorkbenchFigure {
  key: WorkbenchFigureKey;
  value: number | null;
  unit: WorkbenchUnit;
  /** For rates: what the percentage was computed from. */
  numerator?: number;
  denominator?: number;
}

export interface WorkbenchChartPoint {
  /** A status code (labelled by the UI through the code labels), a YYYY-MM-DD day or a YYYY-MM month. */
  code: string;
  value: number;
}

export interface WorkbenchChart {
  key: WorkbenchChartKey;
  kind: 'donut' | 'bar';
  /** How the UI labels the points' codes: a code family of the labels, or `date` / `month`. */
  codes: 'problemStatus' | 'taskState' | 'orderStatus' | 'role' | 'date' | 'month';
  points: WorkbenchChartPoint[];
}

export interface WorkbenchView {
  /** Asia/Shanghai date of the server's clock. */
  today: string;
  /** The caller's roles, first the one the workbench is laid out for. */
  roles: RoleCode[];
  todos: WorkbenchTodo[];
  deadlines: WorkbenchDeadline[];
  figures: WorkbenchFigure[];
  charts: WorkbenchChart[];
}

/** The order roles are shown in when a person holds several: the broadest work first. */
export const workbenchRoleOrder: readonly RoleCode[] = [
  'office_admin',
  'inspector',
  'unit_liaison',
  'grid_worker',
  'station_admin',
  'volunteer',
  'resident',
  'sysadmin',
  'secadmin',
  'auditor',
];
