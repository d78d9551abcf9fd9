import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { newId } from '../../platform/ids';

let t: TestApp;
let admin: Session;
let district: Session;
let station: Session;
const allFive = { organisation: true, plan: true, carrier: true, highlight: true, effect: true };

beforeAll(async () => {
  t = await createTestApp();
  [admin, district, station] = await Promise.all([
    t.login('admin'),
    t.login('district_admin'),
    t.login('station_admin'),
  ]);
});
afterAll(() => t?.close());

async function siteIn(regionPrefix: string, kind = 'station') {
  const res = await t.ctx.db.execute(sql`SELECT id::text AS id FROM practice_site WHERE tenant_id = ${t.tenantId}
    AND kind = ${kind} AND region_code LIKE ${`${regionPrefix}%`} ORDER BY id LIMIT 1`);
  return (res.rows[0] as { id: string }).id;
}

async function auditOf(objectId: string) {
  const res = await t.ctx.db.execute(sql`SELECT action, actor_name, before, after FROM audit_event
    WHERE tenant_id = ${t.tenantId} AND object_id = ${objectId} ORDER BY seq`);
  return res.rows as { action: string; actor_name: string; before: any; after: any }[];
}

describe('practice sites', () => {
  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/sites' });
    expect(res.statusCode).toBe(401);
  });

  it('answers 400 naming the wrong fields', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/sites',
      payload: { name: '', kind: 'castle', regionCode: '620302' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'kind']));
  });

  it('answers 400 for a region outside the actor scope', async () => {
    const res = await district.inject({
      method: 'POST',
      url: '/api/v1/sites',
      payload: { name: '永昌实践站', kind: 'station', regionCode: '620321' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('regionCode');
  });

  it('hides sites outside the district admin scope (404) and lists only its own', async () => {
    const other = await siteIn('620321');
    expect((await district.inject({ method: 'GET', url: `/api/v1/sites/${other}` })).statusCode).toBe(404);
    const res = await district.inject({
      method: 'PUT',
      url: `/api/v1/sites/${other}`,
      payload: { name: 'x', kind: 'station', regionCode: '620321', version: 1 },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('SITE_NOT_FOUND');
    const list = await district.inject({ method: 'GET', url: '/api/v1/sites?pageSize=500' });
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(0);
    for (const s of list.json().items) expect(s.regionCode.startsWith('620302')).toBe(true);
  });

  it('lets a site-scoped station admin see and manage only its site', async () => {
    const list = await station.inject({ method: 'GET', url: '/api/v1/sites' });
    expect(list.json().total).toBe(1);
    const mine = list.json().items[0];
    expect(mine.kind).toBe('centre');
    expect(mine.fiveHasMet).toBe(true);
    const other = await siteIn('620302');
    expect((await station.inject({ method: 'GET', url: `/api/v1/sites/${other}` })).statusCode).toBe(404);
    const body = {
      name: mine.name,
      kind: mine.kind,
      regionCode: mine.regionCode,
      fiveHas: { ...allFive, highlight: false },
      version: mine.version,
    };
    const res = await station.inject({ method: 'PUT', url: `/api/v1/sites/${mine.id}`, payload: body });
    expect(res.statusCode).toBe(200);
    expect(res.json().fiveHasMet).toBe(false);
    const create = await station.inject({
      method: 'POST',
      url: '/api/v1/sites',
      payload: { name: '新站', kind: 'station', regionCode: '620302' },
    });
    expect(create.statusCode).toBe(400);
  });

  it('creates once per client id, with the 五有 status and region name, and audits it', async () => {
    const id = newId();
    const payload = {
      id,
      name: '團結社区新时代文明实践站',
      kind: 'station',
      regionCode: '620302',
      fiveHas: allFive,
      lat: 38.5,
      lng: 102.19,
    };
    const first = await district.inject({ method: 'POST', url: '/api/v1/sites', payload });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      id,
      kind: 'station',
      fiveHasMet: true,
      regionName: expect.any(String),
      version: 1,
    });
    const again = await district.inject({ method: 'POST', url: '/api/v1/sites', payload });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(id);
    expect(await auditOf(id)).toEqual([
      expect.objectContaining({ action: 'site.create', actor_name: 'district_admin' }),
    ]);
    const found = await district.inject({ method: 'GET', url: '/api/v1/sites?q=tj&kind=station&regionCode=620302' });
    expect(found.json().items.map((s: { id: string }) => s.id)).toContain(id);
  });

  it('updates with the version, answers 409 when stale, and audits before/after', async () => {
    const created = await admin.inject({
      method: 'POST',
      url: '/api/v1/sites',
      payload: { name: '志愿服务基地', kind: 'base', regionCode: '620302' },
    });
    const site = created.json();
    expect(site.fiveHasMet).toBe(false);
    const body = { name: '志愿服务示范基地', kind: 'base', regionCode: '620302', version: site.version };
    const ok = await admin.inject({ method: 'PUT', url: `/api/v1/sites/${site.id}`, payload: body });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '志愿服务示范基地', version: site.version + 1 });
    const stale = await admin.inject({
      method: 'PUT',
      url: `/api/v1/sites/${site.id}`,
      payload: { ...body, name: '旧版本' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect(stale.json().error.details.current.name).toBe('志愿服务示范基地');
    const events = await auditOf(site.id);
    expect(events.map((e) => e.action)).toEqual(['site.create', 'site.update']);
    expect(events[1].before.name).toBe('志愿服务基地');
    expect(events[1].after.name).toBe('志愿服务示范基地');
  });
});
