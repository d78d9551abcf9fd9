// Which menu entries and pages a user may see, from the permissions of GET /api/v1/me.
import type { Permission, RoleCode } from '@wenming/contracts';
import { useMe } from '../features/auth/queries';

/** Side-menu groups, in display order. */
export const menuGroups = ['mine', 'work', 'volunteering', 'org', 'system'] as const;
export type MenuGroup = (typeof menuGroups)[number];

export interface MenuEntry {
  key: string;
  path: string;
  labelKey: string;
  /** Shown when the user holds any of these; always shown when empty. */
  anyOf: Permission[];
  group?: MenuGroup;
  /** Shown only to holders of one of these roles. */
  roles?: RoleCode[];
  /** Hidden from people whose only roles are volunteer and resident (their scope is their own records). */
  notForOwnOnly?: boolean;
}

/** Roles whose every grant is the own scope: they get their own pages, not the office's lists. */
const ownOnlyRoles: RoleCode[] = ['volunteer', 'resident'];

/** The desktop pages of volunteers and residents (我的). */
const mineEntries: MenuEntry[] = [
  {
    key: 'my-activities',
    path: '/my/activities',
    labelKey: 'menu.myActivities',
    anyOf: ['activity.join'],
    group: 'mine',
  },
  { key: 'my-hours', path: '/my/hours', labelKey: 'menu.myHours', anyOf: ['activity.join'], group: 'mine' },
  {
    key: 'my-orders',
    path: '/my/orders',
    labelKey: 'menu.myOrders',
    anyOf: ['order.accept', 'order.rate'],
    group: 'mine',
    roles: ownOnlyRoles,
  },
  {
    key: 'my-reports',
    path: '/my/reports',
    labelKey: 'menu.myReports',
    anyOf: ['problem.report'],
    group: 'mine',
    roles: ['resident'],
  },
  {
    key: 'my-timebank',
    path: '/my/timebank',
    labelKey: 'menu.myTimebank',
    anyOf: ['timebank.transfer'],
    group: 'mine',
    roles: ownOnlyRoles,
  },
];

export const menuEntries: MenuEntry[] = [
  { key: 'home', path: '/', labelKey: 'menu.workbench', anyOf: [] },
  ...mineEntries,
  { key: 'tasks', path: '/tasks', labelKey: 'menu.tasks', anyOf: ['task.report', 'task.review'], group: 'work' },
  {
    key: 'frameworks',
    path: '/frameworks',
    labelKey: 'menu.frameworks',
    anyOf: ['framework.read'],
    group: 'work',
  },
  { key: 'campaigns', path: '/campaigns', labelKey: 'menu.campaigns', anyOf: ['campaign.read'], group: 'work' },
  {
    key: 'self-assessments',
    path: '/self-assessments',
    labelKey: 'menu.selfAssessments',
    anyOf: ['campaign.read'],
    group: 'work',
    notForOwnOnly: true,
  },
  {
    key: 'inspection-plans',
    path: '/inspection-plans',
    labelKey: 'menu.inspectionPlans',
    anyOf: ['inspection.plan', 'inspection.read'],
    group: 'work',
  },
  {
    key: 'inspections',
    path: '/inspections',
    labelKey: 'menu.inspections',
    anyOf: ['inspection.plan', 'inspection.read'],
    group: 'work',
  },
  {
    key: 'points',
    path: '/points',
    labelKey: 'menu.points',
    anyOf: ['inspection.plan', 'inspection.perform'],
    group: 'work',
  },
  {
    key: 'problems',
    path: '/problems',
    labelKey: 'menu.problems',
    anyOf: ['problem.read'],
    group: 'work',
    notForOwnOnly: true,
  },
  { key: 'selections', path: '/selections', labelKey: 'menu.selections', anyOf: ['selection.read'], group: 'work' },
  { key: 'evaluations', path: '/evaluations', labelKey: 'menu.evaluations', anyOf: ['evaluation.read'], group: 'work' },
  { key: 'bulletins', path: '/bulletins', labelKey: 'menu.bulletins', anyOf: ['evaluation.read'], group: 'work' },
  {
    key: 'questionnaires',
    path: '/questionnaires',
    labelKey: 'menu.questionnaires',
    anyOf: ['survey.manage'],
    group: 'work',
  },
  { key: 'bigscreen', path: '/bigscreen', labelKey: 'menu.bigscreen', anyOf: ['evaluation.read'], group: 'work' },
  // 志愿服务 (desktop pages of stations and the office)
  {
    key: 'volunteers',
    path: '/volunteers',
    labelKey: 'menu.volunteers',
    anyOf: ['volunteer.manage'],
    group: 'volunteering',
  },
  { key: 'teams', path: '/teams', labelKey: 'menu.teams', anyOf: ['team.manage'], group: 'volunteering' },
  {
    key: 'activities',
    path: '/activities',
    labelKey: 'menu.activities',
    anyOf: ['activity.manage', 'hours.confirm'],
    group: 'volunteering',
  },
  {
    key: 'projects',
    path: '/projects',
    labelKey: 'menu.projects',
    anyOf: ['activity.read'],
    group: 'volunteering',
    notForOwnOnly: true,
  },
  {
    key: 'station-figures',
    path: '/station-figures',
    labelKey: 'menu.stationFigures',
    anyOf: ['activity.manage', 'volunteer.manage'],
    group: 'volunteering',
  },
  {
    key: 'service-menu',
    path: '/service-menu',
    labelKey: 'menu.serviceMenu',
    anyOf: ['servicemenu.manage'],
    group: 'volunteering',
  },
  {
    key: 'orders',
    path: '/orders',
    labelKey: 'menu.orders',
    anyOf: ['order.review', 'order.dispatch'],
    group: 'volunteering',
  },
  {
    key: 'order-figures',
    path: '/order-figures',
    labelKey: 'menu.orderFigures',
    anyOf: ['order.review', 'order.dispatch'],
    group: 'volunteering',
  },
  { key: 'timebank', path: '/timebank', labelKey: 'menu.timebank', anyOf: ['timebank.manage'], group: 'volunteering' },
  { key: 'venues', path: '/venues', labelKey: 'menu.venues', anyOf: ['venue.manage'], group: 'volunteering' },
  { key: 'news', path: '/news', labelKey: 'menu.news', anyOf: ['news.write', 'news.review'], group: 'work' },
  {
    key: 'timebank-branches',
    path: '/timebank-branches',
    labelKey: 'menu.timebankBranches',
    anyOf: ['timebank.manage'],
    group: 'volunteering',
  },
  {
    key: 'timebank-reconciliation',
    path: '/timebank-reconciliation',
    labelKey: 'menu.timebankReconciliation',
    anyOf: ['timebank.manage'],
    group: 'volunteering',
  },
  {
    key: 'regions',
    path: '/regions',
    labelKey: 'menu.regions',
    anyOf: ['region.read'],
    group: 'org',
    notForOwnOnly: true,
  },
  { key: 'grids', path: '/grids', labelKey: 'menu.grids', anyOf: ['grid.read'], group: 'org', notForOwnOnly: true },
  { key: 'units', path: '/units', labelKey: 'menu.units', anyOf: ['unit.read'], group: 'org', notForOwnOnly: true },
  {
    key: 'people',
    path: '/people',
    labelKey: 'menu.people',
    anyOf: ['person.read'],
    group: 'org',
    notForOwnOnly: true,
  },
  { key: 'sites', path: '/sites', labelKey: 'menu.sites', anyOf: ['site.read'], group: 'org', notForOwnOnly: true },
  {
    key: 'pairings',
    path: '/pairings',
    labelKey: 'menu.pairings',
    anyOf: ['pairing.read'],
    group: 'org',
    notForOwnOnly: true,
  },
  {
    key: 'accounts',
    path: '/accounts',
    labelKey: 'menu.accounts',
    anyOf: ['account.manage', 'role.manage'],
    group: 'system',
  },
  { key: 'audit', path: '/audit', labelKey: 'menu.audit', anyOf: ['audit.read'], group: 'system' },
];

/** True when `granted` holds any of `required` (or `required` is empty). */
export function hasAnyPermission(granted: readonly string[] | undefined, required: readonly Permission[]): boolean {
  if (required.length === 0) return true;
  return !!granted && required.some((p) => granted.includes(p));
}

/** The menu of a user: entries their permissions reach, less those not meant for their roles. */
export function visibleMenuEntries(
  granted: readonly string[] | undefined,
  roles: readonly RoleCode[] = [],
): MenuEntry[] {
  const ownOnly = roles.length > 0 && roles.every((r) => ownOnlyRoles.includes(r));
  return menuEntries.filter(
    (e) =>
      hasAnyPermission(granted, e.anyOf) &&
      !(e.notForOwnOnly && ownOnly) &&
      (!e.roles || e.roles.some((r) => roles.includes(r))),
  );
}

export function findMenuEntry(key: string): MenuEntry {
  const entry = menuEntries.find((e) => e.key === key);
  if (!entry) throw new Error(`no menu entry ${key}`);
  return entry;
}

/** `can('unit.manage')` for the signed-in user; false while nobody is signed in. */
export function useAccess() {
  const { data } = useMe();
  const granted = data?.user.permissions;
  return {
    can: (...anyOf: Permission[]) => hasAnyPermission(granted, anyOf) && !!granted,
    permissions: granted ?? [],
    roles: [...new Set((data?.user.roles ?? []).map((r) => r.role))],
  };
}
