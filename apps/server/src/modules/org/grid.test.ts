import { isPolygonGeoJson } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { newId } from '../../platform/ids';

let t: TestApp;
let admin: Session;
let district: Session;
let community: string;

const square = {
  type: 'Polygon',
  coordinates: [
    [
      [102.1, 38.5],
      [102.2, 38.5],
      [102.2, 38.6],
      [102.1, 38.6],
      [102.1, 38.5],
    ],
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  [admin, district] = await Promise.all([t.login('admin'), t.login('district_admin')]);
  const res = await t.ctx.db.execute(sql`SELECT code FROM region WHERE tenant_id = ${t.tenantId} AND level = 'village'
    AND code LIKE '620302%' ORDER BY code LIMIT 1`);
  community = (res.rows[0] as { code: string }).code;
});
afterAll(() => t?.close());

async function gridIn(regionPrefix: string) {
  const res = await t.ctx.db.execute(sql`SELECT id::text AS id FROM grid WHERE tenant_id = ${t.tenantId}
    AND region_code LIKE ${`${regionPrefix}%`} ORDER BY code LIMIT 1`);
  return (res.rows[0] as { id: string }).id;
}

describe('isPolygonGeoJson', () => {
  it('accepts polygons, multipolygons and features of them', () => {
    expect(isPolygonGeoJson(square)).toBe(true);
    expect(isPolygonGeoJson({ type: 'MultiPolygon', coordinates: [square.coordinates] })).toBe(true);
    expect(isPolygonGeoJson({ type: 'Feature', properties: {}, geometry: square })).toBe(true);
  });
  it('refuses other geometries, open rings and non-numeric coordinates', () => {
    expect(isPolygonGeoJson({ type: 'Point', coordinates: [102, 38] })).toBe(false);
    expect(
      isPolygonGeoJson({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ],
        ],
      }),
    ).toBe(false);
    expect(
      isPolygonGeoJson({
        type: 'Polygon',
        coordinates: [
          [
            ['0', 0],
            [1, 0],
            [1, 1],
            ['0', 0],
          ],
        ],
      }),
    ).toBe(false);
    expect(isPolygonGeoJson({ type: 'Feature', geometry: null })).toBe(false);
    expect(isPolygonGeoJson('Polygon')).toBe(false);
  });
});

describe('grids', () => {
  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/grids' })).statusCode).toBe(401);
  });

  it('answers 400 naming the wrong fields, and `boundary` for bad GeoJSON', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/grids',
      payload: { name: '网格', regionCode: community },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: { field: string }) => f.field)).toContain('code');
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/v1/grids',
      payload: {
        code: 'GBAD',
        name: '坏边界',
        regionCode: community,
        boundary: {
          type: 'LineString',
          coordinates: [
            [0, 0],
            [1, 1],
          ],
        },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('boundary');
    expect((await t.ctx.db.execute(sql`SELECT 1 FROM grid WHERE code = 'GBAD'`)).rows).toHaveLength(0);
  });

  it('hides grids outside the district admin scope (404)', async () => {
    const created = await admin.inject({
      method: 'POST',
      url: '/api/v1/grids',
      payload: { code: 'G-YC-01', name: '永昌网格', regionCode: '620321' },
    });
    expect(created.statusCode).toBe(201);
    const other = await gridIn('620321');
    const res = await district.inject({ method: 'GET', url: `/api/v1/grids/${other}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('GRID_NOT_FOUND');
    const list = await district.inject({ method: 'GET', url: '/api/v1/grids?pageSize=500' });
    for (const g of list.json().items) expect(g.regionCode.startsWith('620302')).toBe(true);
    expect((await admin.inject({ method: 'GET', url: `/api/v1/grids/${other}` })).statusCode).toBe(200);
  });

  it('creates a grid with a boundary, derives its centre, and stores a resend once', async () => {
    const id = newId();
    const payload = {
      id,
      code: 'G-TEST-01',
      name: '团结社区第二网格',
      regionCode: community,
      boundary: { type: 'Feature', geometry: square },
    };
    const res = await district.inject({ method: 'POST', url: '/api/v1/grids', payload });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id, code: 'G-TEST-01', regionCode: community, version: 1 });
    expect(res.json().centerLat).toBeCloseTo(38.55);
    expect(res.json().centerLng).toBeCloseTo(102.15);
    expect(res.json().boundary.geometry.type).toBe('Polygon');
    expect((await district.inject({ method: 'POST', url: '/api/v1/grids', payload })).statusCode).toBe(201);
    const byCode = await district.inject({ method: 'GET', url: '/api/v1/grids?q=G-TEST-01' });
    expect(byCode.json().total).toBe(1);
    const byInitials = await district.inject({ method: 'GET', url: `/api/v1/grids?q=tjsq&regionCode=${community}` });
    expect(byInitials.json().items.map((g: { id: string }) => g.id)).toContain(id);
    const events = await t.ctx.db.execute(sql`SELECT action FROM audit_event WHERE object_id = ${id}`);
    expect(events.rows).toEqual([{ action: 'grid.create' }]);
  });

  it('refuses a code taken in the tenant with 409 GRID_CODE_TAKEN', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/v1/grids',
      payload: { code: 'G-TEST-01', name: '重复', regionCode: community },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('GRID_CODE_TAKEN');
    const other = await admin.inject({
      method: 'POST',
      url: '/api/v1/grids',
      payload: { code: 'G-TEST-02', name: '另一网格', regionCode: community },
    });
    const g = other.json();
    const rename = await admin.inject({
      method: 'PUT',
      url: `/api/v1/grids/${g.id}`,
      payload: { code: 'G-TEST-01', name: g.name, regionCode: community, version: g.version },
    });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().error.code).toBe('GRID_CODE_TAKEN');
  });

  it('updates with the version, answers 409 when stale, and audits before/after', async () => {
    const g = (
      await admin.inject({
        method: 'POST',
        url: '/api/v1/grids',
        payload: { code: 'G-TEST-03', name: '第三网格', regionCode: community },
      })
    ).json();
    const body = {
      code: 'G-TEST-03',
      name: '第三网格（调整）',
      regionCode: community,
      boundary: square,
      version: g.version,
    };
    const ok = await admin.inject({ method: 'PUT', url: `/api/v1/grids/${g.id}`, payload: body });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ name: '第三网格（调整）', version: g.version + 1, boundary: square });
    const stale = await admin.inject({ method: 'PUT', url: `/api/v1/grids/${g.id}`, payload: body });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const events = await t.ctx.db.execute(
      sql`SELECT action, before->>'name' AS before_name FROM audit_event WHERE object_id = ${g.id} ORDER BY seq`,
    );
    expect(events.rows).toEqual([
      { action: 'grid.create', before_name: null },
      { action: 'grid.update', before_name: '第三网格' },
    ]);
  });
});
