// Issue 13, hole 2: tenant-wide objects and settings belong to a city-scope office. The district office
// (`district_admin`, office_admin over 金川区 only) holds the same permissions but may not change the city's
// framework, campaigns, problem rules, Open311 clients, volunteer rules or start the city-wide reminder run:
// 403 CITY_SCOPE_REQUIRED in the error shape, and nothing changes. The city office (`admin`, scope all) may.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, hasCityScope, requireCityScope } from '../../platform/access';
import { type Session, type TestApp, createTestApp } from '../../test/harness';

let t: TestApp;
let admin: Session;
let district: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  district = await t.login('district_admin');
}, 300_000);
afterAll(() => t?.close());

function expectCityScopeRefusal(res: { statusCode: number; json(): any }) {
  expect(res.statusCode).toBe(403);
  const error = res.json().error;
  expect(error.code).toBe('CITY_SCOPE_REQUIRED');
  expect(error.message).toBe('全市通用的设置只能由全市范围的管理员修改');
  expect(error.requestId).toBeTruthy();
}

async function publishedFramework(): Promise<{ id: string; version: number }> {
  const list = (await admin.inject({ method: 'GET', url: '/api/v1/frameworks?pageSize=100' })).json();
  const f = list.items.find((x: any) => x.status === 'published');
  return { id: f.id, version: f.version };
}

describe('tenant-wide objects need a city-scope office (issue 13, hole 2)', () => {
  it('refuses the district office every change to the framework: publish, delete, edit a draft, derive, create', async () => {
    const published = await publishedFramework();
    const derived = await admin.inject({ method: 'POST', url: `/api/v1/frameworks/${published.id}/derive` });
    expect(derived.statusCode).toBeLessThan(300);
    const draftId = derived.json().id as string;

    expectCityScopeRefusal(await district.inject({ method: 'POST', url: `/api/v1/frameworks/${draftId}/publish` }));
    expectCityScopeRefusal(await district.inject({ method: 'DELETE', url: `/api/v1/frameworks/${draftId}` }));
    expectCityScopeRefusal(
      await district.inject({ method: 'PATCH', url: `/api/v1/frameworks/${draftId}`, payload: { name: '区里改的' } }),
    );
    expectCityScopeRefusal(await district.inject({ method: 'POST', url: `/api/v1/frameworks/${published.id}/derive` }));
    expectCityScopeRefusal(
      await district.inject({
        method: 'POST',
        url: '/api/v1/frameworks',
        payload: { code: 'DISTRICT-FW', name: '区级测评体系', totalPoints: 100 },
      }),
    );
    // Nothing changed: the draft is still there under its name, version 1 is still the published one.
    const draft = (await admin.inject({ method: 'GET', url: `/api/v1/frameworks/${draftId}` })).json();
    expect(draft.status).toBe('draft');
    expect(draft.name).not.toBe('区里改的');
    const still = (await admin.inject({ method: 'GET', url: `/api/v1/frameworks/${published.id}` })).json();
    expect(still.status).toBe('published');
    // The city office may: it deletes its own draft.
    const del = await admin.inject({ method: 'DELETE', url: `/api/v1/frameworks/${draftId}` });
    expect(del.statusCode).toBeLessThan(300);
  });

  it('refuses the district office creating, editing and deleting the city campaigns, and the reminder run', async () => {
    const list = (await admin.inject({ method: 'GET', url: '/api/v1/campaigns?pageSize=100' })).json();
    const c = list.items[0];
    const body = {
      name: '区里改的创建周期',
      kind: c.kind,
      startDate: c.startDate,
      endDate: c.endDate,
      description: c.description,
      frameworkId: c.frameworkId,
      remindDaysBefore: c.remindDaysBefore,
      actions: c.actions.map((a: any) => ({ id: a.id, name: a.name, description: a.description })),
      version: c.version,
    };
    expectCityScopeRefusal(await district.inject({ method: 'PUT', url: `/api/v1/campaigns/${c.id}`, payload: body }));
    expectCityScopeRefusal(await district.inject({ method: 'DELETE', url: `/api/v1/campaigns/${c.id}` }));
    const { version: _v, ...createBody } = body;
    expectCityScopeRefusal(
      await district.inject({ method: 'POST', url: '/api/v1/campaigns', payload: { ...createBody, actions: [] } }),
    );
    const after = (await admin.inject({ method: 'GET', url: `/api/v1/campaigns/${c.id}` })).json();
    expect(after.name).toBe(c.name);
    expect(after.version).toBe(c.version);

    const jobsBefore = await t.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM job WHERE tenant_id = ${t.tenantId}`,
    );
    expectCityScopeRefusal(await district.inject({ method: 'POST', url: '/api/v1/tasks/reminders/run' }));
    const jobsAfter = await t.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM job WHERE tenant_id = ${t.tenantId}`,
    );
    expect(jobsAfter[0].n).toBe(jobsBefore[0].n);
    expect((await admin.inject({ method: 'POST', url: '/api/v1/tasks/reminders/run' })).statusCode).toBe(202);
  });

  it('refuses the district office the problem rules and the volunteer rules; the city office may change them', async () => {
    const current = (await admin.inject({ method: 'GET', url: '/api/v1/problem-settings' })).json();
    const changed = { ...current, duplicateRadiusMetres: current.duplicateRadiusMetres + 1 };
    expectCityScopeRefusal(await district.inject({ method: 'PUT', url: '/api/v1/problem-settings', payload: changed }));
    expect((await admin.inject({ method: 'GET', url: '/api/v1/problem-settings' })).json()).toEqual(current);
    expect((await admin.inject({ method: 'PUT', url: '/api/v1/problem-settings', payload: current })).statusCode).toBe(
      200,
    );

    const rules = (await admin.inject({ method: 'GET', url: '/api/v1/volunteer-settings' })).json();
    expectCityScopeRefusal(await district.inject({ method: 'PUT', url: '/api/v1/volunteer-settings', payload: rules }));
    expect((await admin.inject({ method: 'PUT', url: '/api/v1/volunteer-settings', payload: rules })).statusCode).toBe(
      200,
    );
  });

  it('refuses the district office creating and revoking Open311 clients', async () => {
    expectCityScopeRefusal(
      await district.inject({ method: 'POST', url: '/api/v1/open311/clients', payload: { name: '区里的对接方' } }),
    );
    const created = await admin.inject({
      method: 'POST',
      url: '/api/v1/open311/clients',
      payload: { name: '12345 热线' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().client.id as string;
    expectCityScopeRefusal(await district.inject({ method: 'POST', url: `/api/v1/open311/clients/${id}/revoke` }));
    const listed = (await admin.inject({ method: 'GET', url: '/api/v1/open311/clients' })).json();
    const client = (Array.isArray(listed) ? listed : listed.items).find((c: any) => c.id === id);
    expect(client.revokedAt ?? null).toBeNull();
  });

  it('counts a grant on the tenant root region as city scope, a grant on a district as not', async () => {
    const [root] = await t.database.query<{ path: string }>(
      sql`SELECT path::text AS path FROM region WHERE tenant_id = ${t.tenantId} AND parent_code IS NULL LIMIT 1`,
    );
    const [district620302] = await t.database.query<{ path: string }>(
      sql`SELECT path::text AS path FROM region WHERE tenant_id = ${t.tenantId} AND code = '620302'`,
    );
    const actor = (kind: 'all' | 'region', regionPath: string | null): Actor => ({
      tenantId: t.tenantId,
      accountId: null,
      personId: null,
      username: 'x',
      displayName: 'x',
      grants: [{ role: 'office_admin', kind, ref: null, regionPath, permissions: new Set(['framework.manage']) }],
      requestId: null,
      ip: null,
      now: new Date(0),
    });
    expect(hasCityScope(actor('all', null), 'framework.manage')).toBe(true);
    expect(hasCityScope(actor('region', root.path), 'framework.manage')).toBe(true);
    expect(hasCityScope(actor('region', district620302.path), 'framework.manage')).toBe(false);
    expect(hasCityScope(actor('all', null), 'campaign.manage')).toBe(false);
    expect(() => requireCityScope(actor('region', district620302.path), 'framework.manage')).toThrow(
      'CITY_SCOPE_REQUIRED',
    );
    expect(() => requireCityScope(actor('all', null), 'campaign.manage')).toThrow('FORBIDDEN');
  });
});
