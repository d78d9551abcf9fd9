import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { newId } from '../../platform/ids';

let t: TestApp;
let admin: Session;
let district: Session;
let inspector: Session;
let grid: { id: string; region_code: string };

beforeAll(async () => {
  t = await createTestApp();
  [admin, district, inspector] = await Promise.all([t.login('admin'), t.login('district_admin'), t.login('inspector')]);
  const res = await t.ctx.db.execute(sql`SELECT id::text AS id, region_code FROM grid WHERE tenant_id = ${t.tenantId}
    AND region_code LIKE '620302%' ORDER BY code LIMIT 1`);
  grid = res.rows[0] as typeof grid;
});
afterAll(() => t?.close());

const point = (over: Record<string, unknown> = {}) => ({
  name: '金川路背街小巷',
  pointType: 'back_street',
  regionCode: grid.region_code,
  gridId: grid.id,
  address: '金川路 12 号',
  ...over,
});

describe('points', () => {
  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/points' })).statusCode).toBe(401);
  });

  it('answers 400 naming the wrong fields and an unknown grid', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/points',
      payload: point({ pointType: 'castle', lat: 200 }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['pointType', 'lat']),
    );
    const noGrid = await admin.inject({ method: 'POST', url: '/api/v1/points', payload: point({ gridId: newId() }) });
    expect(noGrid.statusCode).toBe(400);
    expect(noGrid.json().error.details.fields[0].field).toBe('gridId');
  });

  it('lets readers read but not write (403)', async () => {
    expect((await inspector.inject({ method: 'GET', url: '/api/v1/points' })).statusCode).toBe(200);
    expect((await inspector.inject({ method: 'POST', url: '/api/v1/points', payload: point() })).statusCode).toBe(403);
  });

  it('creates a point once per client id, lists it by type, grid and pinyin, and audits it', async () => {
    const id = newId();
    const first = await district.inject({ method: 'POST', url: '/api/v1/points', payload: point({ id }) });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      id,
      pointType: 'back_street',
      gridId: grid.id,
      gridName: expect.any(String),
      version: 1,
    });
    expect((await district.inject({ method: 'POST', url: '/api/v1/points', payload: point({ id }) })).json().id).toBe(
      id,
    );
    const list = await district.inject({
      method: 'GET',
      url: `/api/v1/points?pointType=back_street&regionCode=620302&q=jcl`,
    });
    expect(list.json().items.map((p: { id: string }) => p.id)).toContain(id);
    const byGrid = await district.inject({ method: 'GET', url: `/api/v1/points?gridId=${grid.id}&pageSize=500` });
    expect(byGrid.json().items.map((p: { id: string }) => p.id)).toContain(id);
    const markets = await district.inject({ method: 'GET', url: '/api/v1/points?pointType=market&pageSize=500' });
    expect(markets.json().items.map((p: { id: string }) => p.id)).not.toContain(id);
    const events = await t.ctx.db.execute(sql`SELECT action FROM audit_event WHERE object_id = ${id}`);
    expect(events.rows).toEqual([{ action: 'point.create' }]);
  });

  it('hides points outside the district admin scope (404)', async () => {
    const other = (
      await admin.inject({
        method: 'POST',
        url: '/api/v1/points',
        payload: point({ name: '永昌农贸市场', pointType: 'market', regionCode: '620321', gridId: null }),
      })
    ).json();
    const res = await district.inject({ method: 'GET', url: `/api/v1/points/${other.id}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('POINT_NOT_FOUND');
    const put = await district.inject({
      method: 'PUT',
      url: `/api/v1/points/${other.id}`,
      payload: point({ regionCode: '620321', gridId: null, version: 1 }),
    });
    expect(put.statusCode).toBe(404);
    const markets = await district.inject({ method: 'GET', url: '/api/v1/points?pointType=market&pageSize=500' });
    expect(markets.json().items.map((p: { id: string }) => p.id)).not.toContain(other.id);
  });

  it('updates with the version, answers 409 when stale, and audits before/after', async () => {
    const p = (
      await admin.inject({
        method: 'POST',
        url: '/api/v1/points',
        payload: point({ name: '人民公园', pointType: 'park_square' }),
      })
    ).json();
    const body = point({ name: '人民公园广场', pointType: 'park_square', gridId: null, version: p.version });
    const ok = await admin.inject({ method: 'PUT', url: `/api/v1/points/${p.id}`, payload: body });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '人民公园广场', gridId: null, version: p.version + 1 });
    const stale = await admin.inject({ method: 'PUT', url: `/api/v1/points/${p.id}`, payload: body });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const events = await t.ctx.db.execute(
      sql`SELECT action, before->>'name' AS before_name FROM audit_event WHERE object_id = ${p.id} ORDER BY seq`,
    );
    expect(events.rows).toEqual([
      { action: 'point.create', before_name: null },
      { action: 'point.update', before_name: '人民公园' },
    ]);
  });
});
