// The workbench of every demo role through the route: access first, then what each role is shown, and that each
// 待办's count is what the list behind its link holds, within the caller's scope.
import type { WorkbenchView } from '@wenming/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';

let t: TestApp;
const sessions: Record<string, Session> = {};
const users = [
  'admin',
  'district_admin',
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

beforeAll(async () => {
  t = await createTestApp();
  for (const u of users) sessions[u] = await t.login(u);
});
afterAll(() => t?.close());

async function workbench(user: string, query = ''): Promise<WorkbenchView> {
  const res = await sessions[user].inject({ method: 'GET', url: `/api/v1/workbench${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as WorkbenchView;
}

const todo = (w: WorkbenchView, key: string) => w.todos.find((x) => x.key === key);
const figure = (w: WorkbenchView, key: string) => w.figures.find((x) => x.key === key);

/** The total of the API list a todo links to (desktop path → the list's API with the same filters). */
async function listTotal(user: string, link: string, api: string): Promise<number> {
  const query = link.split('?')[1] ?? '';
  const res = await sessions[user].inject({ method: 'GET', url: `/api/v1/${api}?pageSize=1&${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total as number;
}

describe('GET /workbench: access', () => {
  it('needs sign-in (401), a known role (400) and a role the caller holds (403)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/workbench' })).statusCode).toBe(401);
    const bad = await sessions.admin.inject({ method: 'GET', url: '/api/v1/workbench?role=mayor' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('role');
    const notHeld = await sessions.volunteer.inject({ method: 'GET', url: '/api/v1/workbench?role=office_admin' });
    expect(notHeld.statusCode).toBe(403);
    expect(notHeld.json().error.code).toBe('WORKBENCH_ROLE_NOT_HELD');
  });
});

describe('GET /workbench: the office', () => {
  it('shows the city office its reviews, assignments and verifications, each counted as its list holds them', async () => {
    const w = await workbench('admin');
    expect(w.roles[0]).toBe('office_admin');
    expect(w.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const key of ['problems_to_assign', 'problems_to_verify', 'problems_disputed']) {
      const item = todo(w, key)!;
      expect(item.count).toBe(await listTotal('admin', item.link, 'problems'));
    }
    const tasks = todo(w, 'tasks_to_review')!;
    expect(tasks.count).toBe(await listTotal('admin', tasks.link, 'tasks'));
    const orders = todo(w, 'orders_to_review')!;
    expect(orders.count).toBe(await listTotal('admin', orders.link, 'orders'));
    const byStatus = w.charts.find((c) => c.key === 'problems_by_status')!;
    expect(byStatus.points.reduce((n, p) => n + p.value, 0)).toBeGreaterThan(0);
    expect(figure(w, 'rectification_rate')).toMatchObject({ unit: 'percent' });
    expect(w.deadlines.length).toBeGreaterThan(0);
  });

  it('keeps a district office to its district', async () => {
    const city = await workbench('admin');
    const district = await workbench('district_admin');
    const total = (w: WorkbenchView) =>
      w.charts.find((c) => c.key === 'problems_by_status')!.points.reduce((n, p) => n + p.value, 0);
    expect(total(district)).toBeGreaterThan(0);
    expect(total(district)).toBeLessThan(total(city));
    for (const d of district.deadlines.filter((x) => x.kind === 'problem')) {
      const res = await sessions.district_admin.inject({ method: 'GET', url: `/api/v1/problems/${d.id}` });
      expect(res.json().regionCode.startsWith('620302')).toBe(true);
    }
  });
});

describe('GET /workbench: field and unit roles', () => {
  it('gives the inspector points to visit and rectifications to verify', async () => {
    const w = await workbench('inspector');
    expect(w.roles[0]).toBe('inspector');
    expect(todo(w, 'inspections_to_do')!.link).toBe('/m/inspect');
    const verify = todo(w, 'problems_to_verify')!;
    expect(verify.count).toBe(await listTotal('inspector', verify.link, 'problems'));
    expect(todo(w, 'tasks_to_review')).toBeUndefined();
  });

  it('gives the unit liaison the unit’s tasks and problems, as the lists count them', async () => {
    const w = await workbench('unit_liaison');
    const problems = todo(w, 'problems_to_rectify')!;
    expect(problems.count).toBe(await listTotal('unit_liaison', problems.link, 'problems'));
    expect(figure(w, 'tasks_open')!.value).toBe(todo(w, 'tasks_to_report')!.count);
    const tasks = todo(w, 'tasks_to_report')!;
    expect(tasks.count).toBe(await listTotal('unit_liaison', tasks.link, 'tasks'));
    for (const d of w.deadlines) expect(d.link).toMatch(/^\/(tasks|problems)/);
    expect(w.charts.map((c) => c.key)).toEqual(['tasks_by_state', 'problems_by_status']);
  });

  it('gives the grid worker their own open reports', async () => {
    const w = await workbench('grid_worker');
    const mine = todo(w, 'my_reports_open')!;
    expect(mine.link).toBe('/problems?mine=true');
    expect(figure(w, 'my_reports')!.value).toBe(await listTotal('grid_worker', mine.link, 'problems'));
  });
});

describe('GET /workbench: volunteering roles', () => {
  it('gives the station its orders to review and dispatch and hours to confirm', async () => {
    const w = await workbench('station_admin');
    for (const key of ['orders_to_review', 'orders_to_dispatch', 'orders_returned']) {
      const item = todo(w, key)!;
      expect(item.count).toBe(await listTotal('station_admin', item.link, 'orders'));
    }
    expect(todo(w, 'hours_to_confirm')!.count).toBeGreaterThanOrEqual(0);
    expect(figure(w, 'volunteers')!.value).toBeGreaterThan(0);
    expect(w.charts.find((c) => c.key === 'hours_by_month')!.codes).toBe('month');
  });

  it('gives the volunteer their orders, activities, hours and time-bank balance', async () => {
    const w = await workbench('volunteer');
    expect(w.todos.map((x) => x.key)).toEqual(['orders_to_serve', 'orders_to_grab', 'activities_signed_up']);
    const hours = await sessions.volunteer.inject({ method: 'GET', url: '/api/v1/timebank/me' });
    if (hours.statusCode === 200) expect(figure(w, 'timebank_balance')!.value).not.toBeNull();
    expect(figure(w, 'hours_confirmed')!.unit).toBe('hours');
    for (const d of w.deadlines) expect(['activity', 'service_order']).toContain(d.kind);
  });

  it('gives the resident the orders to rate and their own orders', async () => {
    const w = await workbench('resident');
    const rate = todo(w, 'orders_to_rate')!;
    const mine = await sessions.resident.inject({ method: 'GET', url: '/api/v1/orders?pageSize=200' });
    const items = mine.json().items as { status: string }[];
    expect(rate.count).toBe(items.filter((o) => o.status === 'completed').length);
    expect(figure(w, 'my_orders')!.value).toBe(mine.json().total);
    // A resident's orders open on the page residents use, not the centre's.
    for (const d of w.deadlines) expect(d.link).toMatch(/^\/m\/orders\//);
  });
});

describe('GET /workbench: the three officers', () => {
  it('shows the system administrator accounts, the security officer lockouts, the auditor the trail', async () => {
    const sys = await workbench('sysadmin');
    expect(figure(sys, 'accounts_total')!.value).toBeGreaterThanOrEqual(11);
    expect(sys.charts[0]).toMatchObject({ key: 'accounts_by_role', codes: 'role' });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ghost', password: 'x' } });
    const sec = await workbench('secadmin');
    expect(todo(sec, 'accounts_locked')!.count).toBeGreaterThanOrEqual(0);
    const audit = await workbench('auditor');
    expect(figure(audit, 'audit_events_today')!.value).toBeGreaterThan(0);
    expect(figure(audit, 'audit_events_week')!.value).toBeGreaterThanOrEqual(
      figure(audit, 'audit_events_today')!.value!,
    );
    expect(audit.todos).toEqual([]);
  });
});
