// The workbench (工作台) of each role: 待办 with links, deadlines and the role's own figures and charts, computed
// within the caller's scope at the clock's time. Each role has one builder; a builder only reads.
import {
  type RoleCode,
  type WorkbenchQuery,
  type WorkbenchView,
  openProblemStatuses,
  rectificationRate,
} from '@wenming/contracts';
import type { Actor } from '../../platform/access';
import {
  addDays,
  addMonths,
  shanghaiDate,
  shanghaiDayStart,
  shanghaiMonth,
  shanghaiMonthBounds,
} from '../../platform/clock';
import type { Db } from '../../platform/db';
import * as admin from './admin.repository';
import * as svc from './service.repository';
import { chooseWorkbenchRole, rolesOf } from './workbench.policy';
import { type Builder, type Sections, deadlines, empty, fillSeries, pick, sum } from './workbench-sections';
import * as work from './work.repository';

/** The office (city or district): review, assign, verify; the region's problems, tasks and 整改率. */
const officeAdmin: Builder = async (db, actor, now, s) => {
  const today = shanghaiDate(now);
  const [problems, tasks, overdue, toReview, problemsDue, plans, orders, latest, inspections] = await Promise.all([
    work.countProblemsByStatus(db, actor, 'problem.read'),
    work.countTasksByState(db, actor, 'task.review'),
    work.countOverdueProblems(db, actor, 'problem.read', now),
    work.findTasksDue(db, actor, 'task.review', today),
    work.findProblemsDue(db, actor, 'problem.read', openProblemStatuses, now),
    work.countDraftPlans(db, actor),
    svc.countOrdersByStatus(db, actor, 'order.review'),
    work.findLatestRectification(db, actor),
    work.countInspectionsSince(db, actor, shanghaiMonthBounds(shanghaiMonth(now)).from, false),
  ]);
  s.todo('tasks_to_review', pick(tasks, 'reported'), '/tasks?state=reported');
  s.todo('problems_to_assign', pick(problems, 'reported'), '/problems?status=reported');
  s.todo('problems_disputed', pick(problems, 'disputed'), '/problems?status=disputed');
  s.todo('problems_to_verify', pick(problems, 'submitted'), '/problems?status=submitted');
  s.todo('plans_draft', plans, '/inspection-plans?status=draft');
  s.todo('orders_to_review', pick(orders, 'submitted'), '/orders?status=submitted');
  s.deadlines.push(...deadlines('task', toReview), ...deadlines('problem', problemsDue));
  const rate = rectificationRate({ found: latest?.denominator ?? 0, rectified: latest?.numerator ?? 0 });
  s.figure('problems_open', sum(problems, openProblemStatuses));
  s.figure('problems_overdue', overdue);
  s.figure('rectification_rate', rate.percent, 'percent', rate);
  s.figure('tasks_open', sum(tasks, work.openTaskStates));
  s.figure('tasks_overdue', pick(tasks, 'overdue'));
  s.figure('inspections_month', inspections);
  s.chart('problems_by_status', 'donut', 'problemStatus', problems);
  s.chart('tasks_by_state', 'donut', 'taskState', tasks);
};

/** The inspector: points still to visit in running plans, rectifications to verify, own inspections. */
const inspector: Builder = async (db, actor, now, s) => {
  const today = shanghaiDate(now);
  const [toVisit, plans, problems, toVerify, mine] = await Promise.all([
    work.countPointsToInspect(db, actor, today),
    work.findPlansDue(db, actor, today),
    work.countProblemsByStatus(db, actor, 'problem.verify'),
    work.findProblemsDue(db, actor, 'problem.verify', ['submitted'], now),
    work.countInspectionsSince(db, actor, shanghaiMonthBounds(shanghaiMonth(now)).from, true),
  ]);
  s.todo('inspections_to_do', toVisit, '/m/inspect');
  s.todo('problems_to_verify', pick(problems, 'submitted'), '/problems?status=submitted');
  s.deadlines.push(...deadlines('inspection_plan', plans), ...deadlines('problem', toVerify));
  s.figure('inspections_month', mine);
  s.figure('problems_open', sum(problems, openProblemStatuses));
  s.chart('problems_by_status', 'donut', 'problemStatus', problems);
};

/** The unit liaison: the unit's tasks to report and problems to rectify, with their deadlines. */
const unitLiaison: Builder = async (db, actor, now, s) => {
  const today = shanghaiDate(now);
  const [tasks, tasksDue, problems, problemsDue, overdue] = await Promise.all([
    work.countTasksByState(db, actor, 'task.report'),
    work.findTasksDue(db, actor, 'task.report', today),
    work.countProblemsByStatus(db, actor, 'problem.rectify'),
    work.findProblemsDue(db, actor, 'problem.rectify', openProblemStatuses, now),
    work.countOverdueProblems(db, actor, 'problem.rectify', now),
  ]);
  s.todo('tasks_to_report', sum(tasks, work.openTaskStates), '/tasks?open=true');
  s.todo('problems_to_rectify', sum(problems, openProblemStatuses), '/problems?open=true');
  s.deadlines.push(...deadlines('task', tasksDue), ...deadlines('problem', problemsDue));
  s.figure('tasks_open', sum(tasks, work.openTaskStates));
  s.figure('tasks_overdue', pick(tasks, 'overdue'));
  s.figure('tasks_accepted', pick(tasks, 'accepted'));
  s.figure('problems_open', sum(problems, openProblemStatuses));
  s.figure('problems_overdue', overdue);
  s.chart('tasks_by_state', 'donut', 'taskState', tasks);
  s.chart('problems_by_status', 'donut', 'problemStatus', problems);
};

/** The grid worker: own reports still open, problems of the grid to rectify. */
const gridWorker: Builder = async (db, actor, now, s) => {
  const [mine, problems, problemsDue, overdue] = await Promise.all([
    work.countProblemsByStatus(db, actor, 'problem.read', true),
    work.countProblemsByStatus(db, actor, 'problem.rectify'),
    work.findProblemsDue(db, actor, 'problem.read', openProblemStatuses, now),
    work.countOverdueProblems(db, actor, 'problem.read', now),
  ]);
  s.todo('my_reports_open', sum(mine, [...openProblemStatuses, 'reported', 'submitted']), '/problems?mine=true');
  s.todo('problems_to_rectify', sum(problems, openProblemStatuses), '/problems?open=true');
  s.deadlines.push(...deadlines('problem', problemsDue));
  s.figure('my_reports', sum(mine, null));
  s.figure('problems_open', sum(problems, openProblemStatuses));
  s.figure('problems_overdue', overdue);
  s.chart('problems_by_status', 'donut', 'problemStatus', problems);
};

/** The practice station: orders to review and dispatch, hours to confirm, the station's month. */
const stationAdmin: Builder = async (db, actor, now, s) => {
  const month = shanghaiMonthBounds(shanghaiMonth(now));
  const [orders, due, figures, monthOrders, hours] = await Promise.all([
    svc.countOrdersByStatus(db, actor, 'order.review'),
    svc.findOrdersDue(db, actor, 'order.review', now),
    svc.findOrganiserFigures(db, actor, month.from, month.to),
    svc.countOrdersSince(db, actor, 'order.review', month.from),
    svc.sumHoursByMonth(db, actor, shanghaiMonthBounds(monthsBack(now, 5)).from, false),
  ]);
  s.todo('orders_to_review', pick(orders, 'submitted'), '/orders?status=submitted');
  s.todo('orders_to_dispatch', pick(orders, 'reviewed'), '/orders?status=reviewed');
  s.todo('orders_returned', pick(orders, 'returned'), '/orders?status=returned');
  s.todo('hours_to_confirm', figures.pending, '/activities?view=hours');
  s.deadlines.push(...deadlines('service_order', due));
  s.figure('volunteers', figures.volunteers);
  s.figure('activities_month', figures.activities);
  s.figure('hours_confirmed', figures.confirmed, 'hours');
  s.figure('orders_open', sum(orders, ['submitted', 'reviewed', 'dispatched', 'offered', 'accepted', 'returned']));
  s.figure('orders_month', monthOrders);
  s.chart('orders_by_status', 'donut', 'orderStatus', orders);
  s.chart('hours_by_month', 'bar', 'month', fillSeries(hours, lastSixMonths(now)));
};

/** The volunteer: orders to serve or grab, activities signed up for, own hours and time-bank balance. */
const volunteer: Builder = async (db, actor, now, s) => {
  const [orders, figures, activities, ordersDue, balance, hours] = await Promise.all([
    svc.countVolunteerOrders(db, actor),
    svc.findVolunteerFigures(db, actor, now),
    svc.findMyActivitiesDue(db, actor, now),
    svc.findOrdersDue(db, actor, 'order.read', now, true),
    svc.findTimebankBalance(db, actor),
    svc.sumHoursByMonth(db, actor, shanghaiMonthBounds(monthsBack(now, 5)).from, true),
  ]);
  s.todo('orders_to_serve', orders.to_serve, '/my/orders');
  s.todo('orders_to_grab', orders.to_grab, '/my/orders?view=offers');
  s.todo('activities_signed_up', figures.upcoming, '/my/activities');
  s.deadlines.push(...deadlines('activity', activities), ...deadlines('service_order', ordersDue, true));
  s.figure('hours_confirmed', figures.confirmed, 'hours');
  s.figure('hours_pending', figures.pending, 'hours');
  s.figure('timebank_balance', balance, 'hours');
  s.chart('hours_by_month', 'bar', 'month', fillSeries(hours, lastSixMonths(now)));
};

/** The resident: orders to rate, own orders and reports, time-bank balance. */
const resident: Builder = async (db, actor, now, s) => {
  const [orders, due, reports, balance] = await Promise.all([
    svc.countOrdersByStatus(db, actor, 'order.read', true),
    svc.findOrdersDue(db, actor, 'order.read', now, true),
    work.countProblemsByStatus(db, actor, 'problem.read', true),
    svc.findTimebankBalance(db, actor),
  ]);
  s.todo('orders_to_rate', pick(orders, 'completed'), '/my/orders?status=completed');
  s.deadlines.push(...deadlines('service_order', due, true));
  s.figure('my_orders', sum(orders, null));
  s.figure('my_reports', sum(reports, null));
  s.figure('timebank_balance', balance, 'hours');
  s.chart('orders_by_status', 'donut', 'orderStatus', orders);
};

/** 系统管理员: accounts still on their first password, live sessions, accounts by role. */
const sysadmin: Builder = async (db, actor, now, s) => {
  const [accounts, byRole] = await Promise.all([
    admin.findAccountFigures(db, actor.tenantId, now),
    admin.countAccountsByRole(db, actor.tenantId),
  ]);
  s.todo('accounts_password_change', accounts.must_change, '/accounts');
  s.figure('accounts_total', accounts.total);
  s.figure('accounts_active_sessions', accounts.live_sessions);
  s.chart('accounts_by_role', 'bar', 'role', byRole);
};

/** 安全管理员: lockouts to look at, accounts by role. */
const secadmin: Builder = async (db, actor, now, s) => {
  const [locked, accounts, byRole] = await Promise.all([
    admin.countLockedUsernames(db, actor.tenantId, now),
    admin.findAccountFigures(db, actor.tenantId, now),
    admin.countAccountsByRole(db, actor.tenantId),
  ]);
  s.todo('accounts_locked', locked, '/accounts');
  s.figure('accounts_total', accounts.total);
  s.figure('accounts_active_sessions', accounts.live_sessions);
  s.chart('accounts_by_role', 'bar', 'role', byRole);
};

/** 审计管理员: today's and the week's events, events per day. */
const auditor: Builder = async (db, actor, now, s) => {
  const today = shanghaiDate(now);
  const byDay = await admin.countAuditEventsByDay(db, actor.tenantId, shanghaiDayStart(addDays(today, -6)));
  s.figure('audit_events_today', pick(byDay, today));
  s.figure('audit_events_week', sum(byDay, null));
  const days = Array.from({ length: 7 }, (_, i) => addDays(today, i - 6));
  s.chart('audit_by_day', 'bar', 'date', fillSeries(byDay, days));
};

/** The Shanghai month `back` months before now's. */
const monthsBack = (now: Date, back: number) => addMonths(shanghaiMonth(now), -back);

/** The last six Shanghai months, oldest first. */
const lastSixMonths = (now: Date) => Array.from({ length: 6 }, (_, i) => monthsBack(now, 5 - i));

const builders: Record<RoleCode, Builder> = {
  office_admin: officeAdmin,
  inspector,
  unit_liaison: unitLiaison,
  grid_worker: gridWorker,
  station_admin: stationAdmin,
  volunteer,
  resident,
  sysadmin,
  secadmin,
  auditor,
};

/** The caller's workbench for one of their roles, within their scope, at `now`. */
export async function getWorkbench(db: Db, actor: Actor, q: WorkbenchQuery, now: Date): Promise<WorkbenchView> {
  const role = chooseWorkbenchRole(actor, q.role);
  const s: Sections = empty();
  await builders[role](db, actor, now, s);
  s.deadlines.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const roles = [role, ...rolesOf(actor).filter((r) => r !== role)];
  return {
    today: shanghaiDate(now),
    roles,
    todos: s.todos,
    deadlines: s.deadlines.slice(0, 10),
    figures: s.figures,
    charts: s.charts,
  };
}
