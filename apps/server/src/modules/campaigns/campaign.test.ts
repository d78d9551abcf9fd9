import { sql } from 'drizzle-orm';
import { demoCycle } from './demo/seed-campaigns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { count, demoCampaignId, unitByName } from './test-fixtures';

let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t?.close());

const body = {
  name: '2026年文明城市创建年度方案',
  kind: 'yearly_plan',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  remindDaysBefore: 5,
  actions: [{ name: '环境整治' }, { name: '志愿服务' }],
};

describe('campaigns', () => {
  it('needs sign-in (401), a valid body (400), campaign.manage (403); an unknown id is a 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/campaigns' })).statusCode).toBe(401);
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: { ...body, endDate: '2025-01-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toEqual({ field: 'endDate', message: '结束日期：不能早于开始日期' });
    const liaison = await t.login('unit_liaison');
    expect((await liaison.inject({ method: 'POST', url: '/api/v1/campaigns', payload: body })).statusCode).toBe(403);
    expect((await liaison.inject({ method: 'GET', url: '/api/v1/campaigns' })).statusCode).toBe(200);
    const resident = await t.login('resident');
    expect((await resident.inject({ method: 'GET', url: '/api/v1/campaigns' })).statusCode).toBe(403);
    const missing = await admin.inject({ method: 'GET', url: `/api/v1/campaigns/${crypto.randomUUID()}` });
    expect(missing.json().error.code).toBe('CAMPAIGN_NOT_FOUND');
  });

  it('lists the demo cycle with its eight action lines and thirty tasks', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/v1/campaigns?kind=cycle' });
    const demo = res.json().items.find((c: any) => c.name === demoCycle(t.ctx.clock.now()).name);
    expect(demo).toMatchObject({ kind: 'cycle', taskCount: 30 });
    expect(demo.actions.map((a: any) => a.name)).toHaveLength(8);
  });

  it('creates, renames and reorders action lines with a version, refuses a stale version, deletes when empty', async () => {
    const created = await admin.inject({ method: 'POST', url: '/api/v1/campaigns', payload: body });
    expect(created.statusCode).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ version: 1, remindDaysBefore: 5, taskCount: 0 });
    const [env, vol] = c.actions;
    const update = {
      ...body,
      version: 1,
      actions: [{ id: vol.id, name: '环境整治' }, { id: env.id, name: '志愿服务' }, { name: '交通秩序' }],
    };
    const updated = await admin.inject({ method: 'PUT', url: `/api/v1/campaigns/${c.id}`, payload: update });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().actions.map((a: any) => [a.id, a.name])).toEqual([
      [vol.id, '环境整治'],
      [env.id, '志愿服务'],
      [updated.json().actions[2].id, '交通秩序'],
    ]);
    const stale = await admin.inject({ method: 'PUT', url: `/api/v1/campaigns/${c.id}`, payload: update });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const del = await admin.inject({ method: 'DELETE', url: `/api/v1/campaigns/${c.id}` });
    expect(del.statusCode).toBe(204);
    expect(await count(t, 'audit_event', sql`object_id = ${c.id}`)).toBe(3);
  });

  it('refuses to drop an action line with tasks, or to delete a campaign with tasks (409)', async () => {
    const c = (await admin.inject({ method: 'POST', url: '/api/v1/campaigns', payload: body })).json();
    const unit = await unitByName(t, '示范市城市管理局');
    const task = await admin.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${c.id}/tasks`,
      payload: { title: '任务', leadUnitId: unit.id, actionId: c.actions[0].id, deadline: '2026-05-01' },
    });
    expect(task.statusCode).toBe(201);
    const drop = await admin.inject({
      method: 'PUT',
      url: `/api/v1/campaigns/${c.id}`,
      payload: { ...body, version: 1, actions: [c.actions[1]] },
    });
    expect(drop.json().error.code).toBe('CAMPAIGN_ACTION_IN_USE');
    const del = await admin.inject({ method: 'DELETE', url: `/api/v1/campaigns/${c.id}` });
    expect(del.json().error.code).toBe('CAMPAIGN_HAS_TASKS');
  });
});

describe('GET /campaigns/:id/progress', () => {
  it('counts per month and unit: completed, on time, overdue and the completion rate', async () => {
    const c = (await admin.inject({ method: 'POST', url: '/api/v1/campaigns', payload: body })).json();
    const unit = await unitByName(t, '示范市城市管理局');
    const ids: string[] = [];
    for (const deadline of ['2021-03-10', '2021-03-20', '2021-03-30', '2021-04-15']) {
      const res = await admin.inject({
        method: 'POST',
        url: `/api/v1/campaigns/${c.id}/tasks`,
        payload: { title: `任务${deadline}`, leadUnitId: unit.id, actionId: c.actions[0].id, deadline },
      });
      ids.push(res.json().id);
    }
    // March 2021 (long past): one accepted on time, one reported late, one still open (past its deadline: overdue).
    await t.ctx.db.execute(sql`UPDATE task SET state = 'accepted', last_reported_at = '2021-03-09T02:00:00Z'
      WHERE tenant_id = ${t.tenantId} AND id = ${ids[0]}`);
    await t.ctx.db.execute(sql`UPDATE task SET state = 'reported', last_reported_at = '2021-03-25T02:00:00Z'
      WHERE tenant_id = ${t.tenantId} AND id = ${ids[1]}`);
    const res = await admin.inject({ method: 'GET', url: `/api/v1/campaigns/${c.id}/progress?period=month&by=unit` });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.rows).toEqual([
      {
        period: '2021-03',
        key: unit.id,
        name: unit.name,
        total: 3,
        completed: 1,
        onTime: 1,
        overdue: 2,
        completionRate: 0.3333,
      },
      {
        period: '2021-04',
        key: unit.id,
        name: unit.name,
        total: 1,
        completed: 0,
        onTime: 0,
        overdue: 1,
        completionRate: 0,
      },
    ]);
    expect(p.summary).toEqual([
      {
        period: 'all',
        key: unit.id,
        name: unit.name,
        total: 4,
        completed: 1,
        onTime: 1,
        overdue: 3,
        completionRate: 0.25,
      },
    ]);
    const weeks = await admin.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${c.id}/progress?period=week&by=action`,
    });
    expect(weeks.json().rows.map((r: any) => [r.period, r.name, r.total])).toEqual([
      ['2021-W10', '环境整治', 1],
      ['2021-W11', '环境整治', 1],
      ['2021-W13', '环境整治', 1],
      ['2021-W15', '环境整治', 1],
    ]);
  });

  it('counts only the tasks in the actor\u2019s scope', async () => {
    const id = await demoCampaignId(t);
    const liaison = await t.login('unit_liaison');
    const mine = (await liaison.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/progress?by=unit` })).json();
    const total = mine.summary.reduce((s: number, r: any) => s + r.total, 0);
    expect(total).toBe(
      (await liaison.inject({ method: 'GET', url: `/api/v1/tasks/mine?campaignId=${id}` })).json().total,
    );
    const all = (await admin.inject({ method: 'GET', url: `/api/v1/campaigns/${id}/progress?by=action` })).json();
    expect(all.summary.reduce((s: number, r: any) => s + r.total, 0)).toBe(30);
  });
});
