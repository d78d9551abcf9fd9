import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { createActivity, stationSite, volunteerSessions } from './test-fixtures';

let t: TestApp;
let site: { id: string; region_code: string };
beforeAll(async () => {
  t = await createTestApp();
  site = await stationSite(t);
}, 600_000);
afterAll(() => t?.close());

const project = (extra: Record<string, unknown> = {}) => ({
  name: '“邻里守望”品牌项目',
  description: '社区独居老人定期探访',
  siteId: site.id,
  regionCode: site.region_code,
  isBrand: true,
  ...extra,
});

describe('brand projects (品牌项目)', () => {
  it('an organiser creates a project, reads its page with its activities, and edits it with the version', async () => {
    const station = await t.login('station_admin');
    const created = await station.inject({ method: 'POST', url: '/api/v1/activity-projects', payload: project() });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p).toMatchObject({ name: '“邻里守望”品牌项目', isBrand: true, version: 1, activityCount: 0 });
    await createActivity(station, site.id, { projectId: p.id, title: '探访独居老人' });

    const page = await station.inject({ method: 'GET', url: `/api/v1/activity-projects/${p.id}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ id: p.id, activityCount: 1, siteName: expect.any(String) });
    expect(page.json().activities).toEqual([
      expect.objectContaining({ title: '探访独居老人', status: 'published', signedUpCount: 0 }),
    ]);

    const edited = await station.inject({
      method: 'PUT',
      url: `/api/v1/activity-projects/${p.id}`,
      payload: project({ name: '“邻里守望”关爱项目', isBrand: false, version: 1 }),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: '“邻里守望”关爱项目', isBrand: false, version: 2 });
    expect(edited.json().updatedAt).toEqual(expect.any(String));
    const audit = await t.ctx.db.execute(sql`SELECT action FROM audit_event WHERE tenant_id = ${t.tenantId}
      AND object_id = ${p.id} ORDER BY seq`);
    expect(audit.rows.map((r) => (r as { action: string }).action)).toEqual([
      'activity.project_create',
      'activity.project_update',
    ]);

    const stale = await station.inject({
      method: 'PUT',
      url: `/api/v1/activity-projects/${p.id}`,
      payload: project({ version: 1 }),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
  });

  it('400 names the field; outside the organiser scope is 404; a volunteer reads but cannot edit', async () => {
    const station = await t.login('station_admin');
    const bad = await station.inject({
      method: 'POST',
      url: '/api/v1/activity-projects',
      payload: project({ name: ' ', siteId: null }),
      headers: { 'x-wenming-lang': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name']));

    const other = await t.ctx.db.execute(sql`SELECT id, region_code FROM practice_site
      WHERE tenant_id = ${t.tenantId} AND id <> ${site.id} ORDER BY id LIMIT 1`);
    const otherSite = other.rows[0] as { id: string; region_code: string };
    const admin = await t.login('admin');
    const theirs = await admin.inject({
      method: 'POST',
      url: '/api/v1/activity-projects',
      payload: project({ name: '“文明餐桌”项目', siteId: otherSite.id, regionCode: otherSite.region_code }),
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
    const id = theirs.json().id;
    const body = project({ name: '改名', siteId: otherSite.id, regionCode: otherSite.region_code, version: 1 });
    const read = await station.inject({ method: 'GET', url: `/api/v1/activity-projects/${id}` });
    expect(read.statusCode).toBe(404);
    const write = await station.inject({ method: 'PUT', url: `/api/v1/activity-projects/${id}`, payload: body });
    expect(write.statusCode).toBe(404);
    // Moving one's own project to a site one does not run is refused on that field.
    const mine = await station.inject({ method: 'POST', url: '/api/v1/activity-projects', payload: project() });
    const move = await station.inject({
      method: 'PUT',
      url: `/api/v1/activity-projects/${mine.json().id}`,
      payload: { ...body, version: 1 },
    });
    expect(move.statusCode).toBe(400);
    expect(move.json().error.details.fields).toEqual([expect.objectContaining({ field: 'siteId' })]);

    const [vol] = await volunteerSessions(t, 1);
    expect((await vol.inject({ method: 'GET', url: `/api/v1/activity-projects/${id}` })).statusCode).toBe(200);
    const denied = await vol.inject({ method: 'PUT', url: `/api/v1/activity-projects/${id}`, payload: body });
    expect(denied.statusCode).toBe(403);
    const unknown = await admin.inject({
      method: 'GET',
      url: '/api/v1/activity-projects/00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(404);
  });
});
