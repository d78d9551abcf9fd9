// What each role finds on its phone home and 任务 tab: entries chosen by the user's permissions, so an inspector,
// a grid worker, a unit liaison, a volunteer, a resident and a station admin each see their own work.
import type { Permission } from '@wenming/contracts';

export type EntryIcon =
  | 'inspect'
  | 'rectify'
  | 'report'
  | 'camera'
  | 'myReports'
  | 'tasks'
  | 'register'
  | 'activities'
  | 'hours'
  | 'orders'
  | 'services'
  | 'timebank'
  | 'vote'
  | 'desktop';

export interface PhoneEntry {
  path: string;
  /** i18n keys of the title and the one-line hint. */
  title: string;
  hint: string;
  icon: EntryIcon;
  /** Work (任务) or services (服务); the 任务 tab lists the work entries. */
  group: 'work' | 'service';
  /** A page of the desktop app (another entry): opened with a full page load. */
  isDesktop?: boolean;
}

/**
 * Office staff (inspectors, grid workers) report with the full form and follow problems at work; a resident, who
 * reads only their own reports, reports with 随手拍. Staff are told apart by reading inspections.
 */
export function reportsAsStaff(permissions: readonly Permission[]): boolean {
  return permissions.includes('problem.report') && permissions.includes('inspection.read');
}

/** The entries of a user, in the order of a working day; `isVolunteer` is null while not known. */
export function phoneEntries(permissions: readonly Permission[], isVolunteer: boolean | null): PhoneEntry[] {
  const can = new Set(permissions);
  const staff = reportsAsStaff(permissions);
  const list: PhoneEntry[] = [];
  const add = (cond: boolean, e: PhoneEntry) => cond && list.push(e);
  add(can.has('inspection.perform'), {
    path: '/m/inspect',
    title: 'inspect.entry',
    hint: 'inspect.entryHint',
    icon: 'inspect',
    group: 'work',
  });
  add(can.has('problem.rectify'), {
    path: '/m/problems',
    title: 'myProblems.title',
    hint: 'myProblems.entryHint',
    icon: 'rectify',
    group: 'work',
  });
  add(can.has('task.report'), {
    path: '/m/tasks',
    title: 'myTasks.entry',
    hint: 'myTasks.entryHint',
    icon: 'tasks',
    group: 'work',
  });
  add(staff, {
    path: '/m/problems/new',
    title: 'report.title',
    hint: 'report.entryHint',
    icon: 'report',
    group: 'work',
  });
  add(can.has('problem.report') && !staff, {
    path: '/m/report',
    title: 'report.snap',
    hint: 'report.snapHint',
    icon: 'camera',
    group: 'service',
  });
  add(can.has('problem.report'), {
    path: '/m/my-reports',
    title: 'myReports.title',
    hint: 'myReports.hint',
    icon: 'myReports',
    group: staff ? 'work' : 'service',
  });
  add(can.has('volunteer.register') && isVolunteer === false, {
    path: '/m/volunteer/register',
    title: 'mvol.register.title',
    hint: 'mvol.register.hint',
    icon: 'register',
    group: 'service',
  });
  add(can.has('activity.join'), {
    path: '/m/activities',
    title: 'mvol.activities',
    hint: 'mvol.hubHint',
    icon: 'activities',
    group: 'service',
  });
  add(can.has('activity.join'), {
    path: '/m/hours',
    title: 'mvol.hours.title',
    hint: 'mvol.hours.certificate',
    icon: 'hours',
    group: 'service',
  });
  add(can.has('order.accept'), {
    path: '/m/orders',
    title: 'msvc.volunteerOrders',
    hint: 'msvc.volunteerOrdersHint',
    icon: 'orders',
    group: 'work',
  });
  add(can.has('order.create'), {
    path: '/m/services',
    title: 'msvc.hub',
    hint: 'msvc.hubHint',
    icon: 'services',
    group: 'service',
  });
  add(can.has('order.create') && !can.has('order.accept'), {
    path: '/m/orders',
    title: 'msvc.myOrders',
    hint: 'msvc.timeline',
    icon: 'orders',
    group: 'service',
  });
  add(can.has('venue.book'), {
    path: '/m/venues',
    title: 'mven.title',
    hint: 'mven.hint',
    icon: 'activities',
    group: 'service',
  });
  add(can.has('timebank.read'), {
    path: '/m/timebank',
    title: 'mtb.title',
    hint: 'mtb.hint',
    icon: 'timebank',
    group: 'service',
  });
  add(can.has('selection.vote'), {
    path: '/m/vote',
    title: 'mvote.title',
    hint: 'mvote.hint',
    icon: 'vote',
    group: 'service',
  });
  // A station's desk work (dispatching orders, confirming hours) is done on the desktop pages.
  add(can.has('order.dispatch'), {
    path: '/orders',
    title: 'phone.deskOrders',
    hint: 'phone.deskOrdersHint',
    icon: 'desktop',
    group: 'work',
    isDesktop: true,
  });
  add(can.has('hours.confirm'), {
    path: '/activities',
    title: 'phone.deskActivities',
    hint: 'phone.deskActivitiesHint',
    icon: 'desktop',
    group: 'work',
    isDesktop: true,
  });
  return list;
}
