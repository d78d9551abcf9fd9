// Setting up a plan from the desktop: the accounts a planner may put in a team (active, holding
// inspection.perform, searchable) and the sample counted per region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { accountId, communities, demoFrameworkId, insertPoints } from './test-helpers';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('GET /inspectors', () => {
  it('needs sign-in (401) and inspection.plan (403)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/inspectors' })).statusCode).toBe(401);
    const inspector = await t.login('inspector');
    expect((await inspector.inject({ method: 'GET', url: '/api/v1/inspectors' })).statusCode).toBe(403);
  });

  it('lists inspectors, not residents, and finds one by name or username', async () => {
    const admin = await t.login('admin');
    const res = await admin.inject({ method: 'GET', url: '/api/v1/inspectors?pageSize=500' });
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((i: { accountId: string }) => i.accountId);
    expect(ids).toContain(await accountId(t, 'inspector'));
    expect(ids).not.toContain(await accountId(t, 'resident'));
    const one = res.json().items.find((i: { username: string }) => i.username === 'inspector');
    expect(one.displayName).toBeTruthy();
    const byName = await admin.inject({
      method: 'GET',
      url: `/api/v1/inspectors?q=${encodeURIComponent(one.displayName)}`,
    });
    expect(byName.json().items.map((i: { username: string }) => i.username)).toContain('inspector');
    const byUser = (await admin.inject({ method: 'GET', url: '/api/v1/inspectors?q=INSPECTOR' })).json();
    expect(byUser.items.map((i: { username: string }) => i.username)).toContain('inspector');
    const none = (await admin.inject({ method: 'GET', url: '/api/v1/inspectors?q=nobody-like-this' })).json();
    expect(none.total).toBe(0);
  });
});

describe('GET /inspection-plans/:id/progress per region', () => {
  it('counts the sample per region of its points, and how many have a team', async () => {
    const admin = await t.login('admin');
    const regions = (await communities(t)).slice(0, 2);
    const pointIds = await insertPoints(t, ['market'], 3, regions);
    const url = '/api/v1/inspection-plans';
    const plan = (
      await admin.inject({
        method: 'POST',
        url,
        payload: { name: '区划计数', frameworkId: await demoFrameworkId(t), kind: 'inspection', period: '2026-05' },
      })
    ).json();
    await admin.inject({ method: 'POST', url: `${url}/${plan.id}/sample`, payload: { mode: 'pick', pointIds } });
    const before = (await admin.inject({ method: 'GET', url: `${url}/${plan.id}/progress` })).json();
    expect(before.regions.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(3);
    expect(before.regions.map((r: { regionCode: string }) => r.regionCode).sort()).toEqual([...regions].sort());
    expect(
      before.regions.every((r: { assigned: number; regionName: string }) => r.assigned === 0 && r.regionName),
    ).toBe(true);
    const me = await accountId(t, 'inspector');
    await admin.inject({ method: 'POST', url: `${url}/${plan.id}/teams`, payload: { name: '一组', memberIds: [me] } });
    await admin.inject({ method: 'POST', url: `${url}/${plan.id}/assign`, payload: { strategy: 'by_region' } });
    const after = (await admin.inject({ method: 'GET', url: `${url}/${plan.id}/progress` })).json();
    expect(after.regions.every((r: { assigned: number; count: number }) => r.assigned === r.count)).toBe(true);
  });
});
