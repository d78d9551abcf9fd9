// Issue 13, holes 7 and 8: Excel exports are audited; a point's checklist, someone else's redemptions and other
// people's jobs are 404s; the API docs page carries a Content-Security-Policy (the web pages: web-static.test.ts).
import { findAuditActionLabel } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../app';
import { loadActorForAccount } from '../../platform/sessions';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { assignPlan, samplePlan } from '../inspections/plan-sample.service';
import { createPlan, stepPlan } from '../inspections/plan.service';
import { createTeam } from '../inspections/team.service';
import { createPoint } from '../org/point.service';

let t: TestApp;
let admin: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  const rows = await t.database.query<{ id: string; username: string }>(
    sql`SELECT id, username FROM account WHERE tenant_id = ${t.tenantId}`,
  );
  for (const r of rows) ids[r.username] = r.id;
}, 300_000);
afterAll(() => t?.close());

const auditEvents = (action: string) =>
  t.database.query<{ actor_id: string; object_type: string; object_id: string | null; after: any; ip: string }>(
    sql`SELECT actor_id, object_type, object_id, after, ip FROM audit_event
      WHERE tenant_id = ${t.tenantId} AND action = ${action} ORDER BY seq`,
  );
const parsed = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as any;

describe('Excel exports are audited (issue 13, hole 7)', () => {
  it('records who exported units, people, volunteers and problems, with the filters and the row count', async () => {
    const cases = [
      { url: '/api/v1/units/export.xlsx?q=%E6%96%87%E6%98%8E', action: 'unit.export' },
      { url: '/api/v1/people/export.xlsx', action: 'person.export' },
      { url: '/api/v1/volunteers/export.xlsx', action: 'volunteer.export' },
      { url: '/api/v1/problems/export.xlsx', action: 'problem.export' },
    ];
    for (const c of cases) {
      expect(await auditEvents(c.action)).toHaveLength(0);
      const res = await admin.inject({ method: 'GET', url: c.url });
      expect(res.statusCode, c.url).toBe(200);
      const events = await auditEvents(c.action);
      expect(events, c.action).toHaveLength(1);
      expect(events[0].actor_id).toBe(ids.admin);
      const after = parsed(events[0].after);
      expect(after.format).toBe('xlsx');
      expect(after.rows).toBeGreaterThan(0);
      expect(after.filters).toBeTypeOf('object');
    }
    expect(parsed((await auditEvents('unit.export'))[0].after).filters.q).toBe('文明');
    // The auditor reads them in words.
    for (const c of cases)
      for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) expect(findAuditActionLabel(c.action, lang)).toBeTruthy();
    expect(findAuditActionLabel('unit.export', 'en')).toBe('Unit · exported to Excel');
  });

  it('records the problem export job with the file it produced', async () => {
    const started = await admin.inject({ method: 'POST', url: '/api/v1/problems/export-jobs', payload: {} });
    expect(started.statusCode).toBe(202);
    await t.drainJobs();
    const job = (await admin.inject({ method: 'GET', url: `/api/v1/jobs/${started.json().jobId}` })).json();
    expect(job.status).toBe('done');
    const events = (await auditEvents('problem.export')).filter((e) => e.object_type === 'file');
    expect(events).toHaveLength(1);
    expect(events[0].actor_id).toBe(ids.admin);
    expect(events[0].object_id).toBe(job.result.fileId);
    expect(parsed(events[0].after).rows).toBe(job.result.rows);
  });
});

describe('smaller leaks (issue 13, hole 8)', () => {
  it('answers 404 without name or address for a plan point outside the caller’s team and scope', async () => {
    // A city plan with a point in 金川区 (620302) for the inspector's team and one in 永昌县 (620321, outside the
    // inspector's scope) for the city office's team. The inspector is a member of the plan, not of that team.
    const now = t.ctx.clock.now();
    const office = await loadActorForAccount(t.ctx.db, t.tenantId, ids.admin, now);
    const [demo] = await t.database.query<{ framework_id: string; period: string; id: string; point_type: string }>(
      sql`SELECT p.framework_id, p.period, pp.point_id AS id, pt.point_type FROM inspection_plan p
        JOIN inspection_plan_point pp ON pp.tenant_id = p.tenant_id AND pp.plan_id = p.id
        JOIN point pt ON pt.tenant_id = pp.tenant_id AND pt.id = pp.point_id
        WHERE p.tenant_id = ${t.tenantId} ORDER BY p.created_at, pp.position LIMIT 1`,
    );
    const away = await createPoint(t.ctx.db, office, {
      name: '永昌县示范广场',
      pointType: demo.point_type as never,
      regionCode: '620321',
      address: '永昌县北海子路 1 号',
    });
    const plan = await createPlan(t.ctx.db, office, {
      name: '跨区复查',
      frameworkId: demo.framework_id,
      kind: 'field_eval',
      period: demo.period,
    } as never);
    await samplePlan(t.ctx.db, office, plan.id, { mode: 'pick', pointTypes: [], pointIds: [demo.id, away.id] });
    const near = crypto.randomUUID();
    const far = crypto.randomUUID();
    await createTeam(t.ctx.db, office, plan.id, {
      id: near,
      name: '金川组',
      memberIds: [ids.inspector],
      leaderId: ids.inspector,
    });
    await createTeam(t.ctx.db, office, plan.id, {
      id: far,
      name: '永昌组',
      memberIds: [ids.admin],
      leaderId: ids.admin,
    });
    await assignPlan(t.ctx.db, office, plan.id, { strategy: 'manual', teamId: near, pointIds: [demo.id] });
    await assignPlan(t.ctx.db, office, plan.id, { strategy: 'manual', teamId: far, pointIds: [away.id] });
    await stepPlan(t.ctx.db, office, plan.id, 'publish');

    const inspector = await t.login('inspector');
    const url = (pointId: string) => `/api/v1/points/${pointId}/checklist?planId=${plan.id}`;
    const res = await inspector.inject({ method: 'GET', url: url(away.id) });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('POINT_NOT_FOUND');
    expect(res.body).not.toContain('永昌县');
    // Its own team's point opens; the planner sees every point of the plan.
    const own = await inspector.inject({ method: 'GET', url: url(demo.id) });
    expect(own.statusCode).toBe(200);
    const planner = await admin.inject({ method: 'GET', url: url(away.id) });
    expect(planner.statusCode).toBe(200);
    expect(planner.json().point.address).toBe('永昌县北海子路 1 号');
  });

  it('answers 404 for the redemptions of someone else’s time bank account, 200 for one’s own', async () => {
    const accountOf = async (username: string) =>
      (
        await t.database.query<{ id: string }>(
          sql`SELECT id FROM timebank_account WHERE tenant_id = ${t.tenantId} AND account_id = ${ids[username]} LIMIT 1`,
        )
      )[0]?.id;
    const volunteer = await t.login('volunteer');
    let mine = await accountOf('volunteer');
    if (!mine) {
      await volunteer.inject({ method: 'POST', url: '/api/v1/timebank/accounts/mine', payload: {} });
      mine = await accountOf('volunteer');
    }
    const others = await t.database.query<{ id: string }>(
      sql`SELECT id FROM timebank_account WHERE tenant_id = ${t.tenantId} AND id <> ${mine!} LIMIT 3`,
    );
    expect(others.length).toBeGreaterThan(0);
    for (const o of others) {
      const res = await volunteer.inject({ method: 'GET', url: `/api/v1/timebank/accounts/${o.id}/redemptions` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('TIMEBANK_ACCOUNT_NOT_FOUND');
    }
    const own = await volunteer.inject({ method: 'GET', url: `/api/v1/timebank/accounts/${mine}/redemptions` });
    expect(own.statusCode).toBe(200);
    expect(Array.isArray(own.json())).toBe(true);
  });

  // Decision: a job is shown to the account that started it and to tenant-wide holders of job.read (sysadmin and
  // the city office, who watch imports, exports and scheduled runs). A district office or a station (job.read for a
  // part of the tenant) sees only its own jobs; someone else's is the same 404 as a job that does not exist.
  it('shows a job to its starter and to tenant-wide job.read holders only', async () => {
    const started = await admin.inject({ method: 'POST', url: '/api/v1/problems/export-jobs', payload: {} });
    const jobId = started.json().jobId as string;
    await t.drainJobs();
    const url = `/api/v1/jobs/${jobId}`;
    expect((await admin.inject({ method: 'GET', url })).statusCode).toBe(200);
    expect((await (await t.login('sysadmin')).inject({ method: 'GET', url })).statusCode).toBe(200);
    for (const who of ['district_admin', 'station_admin', 'inspector', 'volunteer']) {
      const res = await (await t.login(who)).inject({ method: 'GET', url });
      expect(res.statusCode, who).toBe(404);
      expect(res.json().error.code).toBe('JOB_NOT_FOUND');
      expect(res.body).not.toContain('fileId');
    }
    // The district office still follows a job it started itself.
    const district = await t.login('district_admin');
    const own = await district.inject({ method: 'POST', url: '/api/v1/problems/export-jobs', payload: {} });
    expect(own.statusCode).toBe(202);
    expect((await district.inject({ method: 'GET', url: `/api/v1/jobs/${own.json().jobId}` })).statusCode).toBe(200);
  });

  it('sends a Content-Security-Policy with the API docs page, one that allows no inline script', async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    // The docs page loads its scripts from files only, so the policy does not break it.
    expect(docs.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
