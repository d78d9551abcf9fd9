import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../test/harness';

let t: TestApp;
let otherDistrictUnitId: string;
let ownDistrictUnitId: string;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  const mk = async (name: string, regionCode: string) =>
    (await admin.inject({ method: 'POST', url: '/api/v1/units', payload: { name, type: 'organ', regionCode } })).json()
      .id;
  otherDistrictUnitId = await mk('永昌县某局', '620321');
  ownDistrictUnitId = await mk('金川区某局', '620302001');
});
afterAll(() => t?.close());

describe('data scope', () => {
  it('gives district_admin 404 for a unit of another district, 200 for its own', async () => {
    const d = await t.login('district_admin');
    const other = await d.inject({ method: 'GET', url: `/api/v1/units/${otherDistrictUnitId}` });
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('UNIT_NOT_FOUND');
    expect((await d.inject({ method: 'GET', url: `/api/v1/units/${ownDistrictUnitId}` })).statusCode).toBe(200);
    const edit = await d.inject({
      method: 'PUT',
      url: `/api/v1/units/${otherDistrictUnitId}`,
      payload: { name: 'x', type: 'organ', regionCode: '620302', version: 1 },
    });
    expect(edit.statusCode).toBe(404);
  });

  it('lists only units inside the scope', async () => {
    const d = await t.login('district_admin');
    const list = await d.inject({ method: 'GET', url: '/api/v1/units?pageSize=500' });
    const codes = list.json().items.map((u: any) => u.regionCode as string);
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c: string) => c.startsWith('620302'))).toBe(true);
  });

  it('shows district_admin only its own district in the region tree, 404 above it', async () => {
    const d = await t.login('district_admin');
    const tree = await d.inject({ method: 'GET', url: '/api/v1/regions/tree?depth=1' });
    expect(tree.json().map((n: any) => n.code)).toEqual(['620302']);
    expect((await d.inject({ method: 'GET', url: '/api/v1/regions/tree?root=6203' })).statusCode).toBe(404);
    expect((await d.inject({ method: 'GET', url: '/api/v1/regions/tree?root=620321' })).statusCode).toBe(404);
  });

  it('refuses to place a record in a region outside the scope (400 naming regionCode)', async () => {
    const d = await t.login('district_admin');
    const res = await d.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { name: '越界单位', type: 'organ', regionCode: '620321' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('regionCode');
  });

  it('gives a unit liaison only its own unit', async () => {
    const u = await t.login('unit_liaison');
    const list = await u.inject({ method: 'GET', url: '/api/v1/units' });
    expect(list.json().total).toBe(1);
    expect((await u.inject({ method: 'GET', url: `/api/v1/units/${ownDistrictUnitId}` })).statusCode).toBe(404);
  });

  it('answers 403 to a role without the permission at all', async () => {
    const a = await t.login('auditor');
    expect((await a.inject({ method: 'GET', url: '/api/v1/units' })).statusCode).toBe(403);
    const admin = await t.login('admin');
    expect((await admin.inject({ method: 'GET', url: '/api/v1/audit-events' })).statusCode).toBe(403);
  });
});
