import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { systemActor } from '../../platform/access';
import { newId } from '../../platform/ids';
import { updateGrid } from './grid.service';
import { findResponsibleUnits } from './pairing.service';
import { createPoint } from './point.service';

let t: TestApp;
let admin: Session;
let district: Session;
let units: string[];
let grid: { id: string; name: string; region_code: string };
/** A community of the district that the demo data pairs with nobody, and another one. */
let quiet: string[];

async function rows<T>(q: ReturnType<typeof sql>) {
  return (await t.ctx.db.execute(q)).rows as T[];
}

beforeAll(async () => {
  t = await createTestApp();
  [admin, district] = await Promise.all([t.login('admin'), t.login('district_admin')]);
  units = (
    await rows<{ id: string }>(sql`SELECT id::text AS id FROM unit WHERE tenant_id = ${t.tenantId} ORDER BY name`)
  ).map((u) => u.id);
  [grid] = await rows<
    typeof grid
  >(sql`SELECT id::text AS id, name, region_code FROM grid WHERE tenant_id = ${t.tenantId}
    AND region_code LIKE '620302%' ORDER BY code LIMIT 1`);
  quiet = (
    await rows<{ code: string }>(sql`SELECT code FROM region r WHERE tenant_id = ${t.tenantId} AND level = 'village'
      AND code LIKE '620302%' AND code <> ${grid.region_code}
      AND NOT EXISTS (SELECT 1 FROM pairing pa WHERE pa.tenant_id = r.tenant_id AND pa.target_ref = r.code) ORDER BY code LIMIT 2`)
  ).map((r) => r.code);
});
afterAll(() => t?.close());

const create = (s: Session, payload: Record<string, unknown>) =>
  s.inject({ method: 'POST', url: '/api/v1/pairings', payload });
const fieldsOf = (res: { json(): any }) => res.json().error.details.fields.map((f: { field: string }) => f.field);

describe('pairings', () => {
  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/pairings' })).statusCode).toBe(401);
  });

  it('answers 400 naming the wrong field: bad kind, unknown unit, unknown target', async () => {
    expect(
      fieldsOf(await create(admin, { unitId: units[0], kind: 'friends', targetKind: 'region', targetRef: quiet[0] })),
    ).toContain('kind');
    const noUnit = await create(admin, { unitId: newId(), kind: 'baolian', targetKind: 'region', targetRef: quiet[0] });
    expect(fieldsOf(noUnit)).toEqual(['unitId']);
    for (const [targetKind, targetRef] of [
      ['region', '999999'],
      ['grid', 'not-a-uuid'],
      ['grid', newId()],
      ['point', newId()],
    ]) {
      const res = await create(admin, { unitId: units[0], kind: 'baolian', targetKind, targetRef });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual(['targetRef']);
    }
  });

  it('pairs a unit with a grid in the grid region, refuses the same pairing twice, and audits it', async () => {
    const id = newId();
    const payload = {
      id,
      unitId: units[0],
      kind: 'baojie',
      targetKind: 'grid',
      targetRef: grid.id.toUpperCase(),
      note: '包街',
    };
    const res = await create(district, payload);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      id,
      unitId: units[0],
      unitName: expect.any(String),
      targetRef: grid.id,
      targetName: grid.name,
      regionCode: grid.region_code,
    });
    expect((await create(district, payload)).statusCode).toBe(201);
    const dup = await create(district, { ...payload, id: newId() });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('PAIRING_EXISTS');
    const list = await district.inject({ method: 'GET', url: `/api/v1/pairings?unitId=${units[0]}&targetKind=grid` });
    expect(list.json().items).toEqual([
      expect.objectContaining({ id, kind: 'baojie', targetKind: 'grid', note: '包街' }),
    ]);
    const events = await rows<{ action: string }>(sql`SELECT action FROM audit_event WHERE object_id = ${id}`);
    expect(events).toEqual([{ action: 'pairing.create' }]);
  });

  it('keeps the district admin inside its district: 404 outside, 400 for targets outside', async () => {
    const outside = await create(admin, {
      unitId: units[1],
      kind: 'jiedui',
      targetKind: 'region',
      targetRef: '620321',
    });
    expect(outside.statusCode).toBe(201);
    const id = outside.json().id;
    expect((await district.inject({ method: 'GET', url: `/api/v1/pairings/${id}` })).statusCode).toBe(404);
    const del = await district.inject({ method: 'DELETE', url: `/api/v1/pairings/${id}` });
    expect(del.statusCode).toBe(404);
    expect(del.json().error.code).toBe('PAIRING_NOT_FOUND');
    const list = await district.inject({ method: 'GET', url: '/api/v1/pairings?pageSize=500' });
    expect(list.json().total).toBeGreaterThan(0);
    for (const p of list.json().items) expect(p.regionCode.startsWith('620302')).toBe(true);
    const refused = await create(district, {
      unitId: units[1],
      kind: 'baolian',
      targetKind: 'region',
      targetRef: '620321',
    });
    expect(fieldsOf(refused)).toEqual(['targetRef']);
  });

  it('deletes a pairing in scope with 204 and audits what it was', async () => {
    const p = (
      await create(district, { unitId: units[2], kind: 'baolian', targetKind: 'region', targetRef: quiet[1] })
    ).json();
    expect(p.targetName).toEqual(expect.any(String));
    const del = await district.inject({ method: 'DELETE', url: `/api/v1/pairings/${p.id}` });
    expect(del.statusCode).toBe(204);
    expect((await district.inject({ method: 'GET', url: `/api/v1/pairings/${p.id}` })).statusCode).toBe(404);
    const events = await rows<{ action: string; before_ref: string }>(
      sql`SELECT action, before->>'targetRef' AS before_ref FROM audit_event WHERE object_id = ${p.id} ORDER BY seq`,
    );
    expect(events.map((e) => e.action)).toEqual(['pairing.create', 'pairing.delete']);
    expect(events[1].before_ref).toBe(quiet[1]);
  });
});

describe('findResponsibleUnits', () => {
  it('routes by the point, else its grid, else the nearest paired region', async () => {
    const actor = systemActor(t.tenantId, 'test', t.ctx.clock.now());
    const point = await createPoint(t.ctx.db, actor, {
      name: '测试小区',
      pointType: 'residential',
      regionCode: grid.region_code,
      gridId: grid.id,
      address: null,
    });
    const gridOnly = await createPoint(t.ctx.db, actor, {
      name: '网格内公厕',
      pointType: 'toilet',
      regionCode: grid.region_code,
      gridId: grid.id,
      address: null,
    });
    const loose = await createPoint(t.ctx.db, actor, {
      name: '无网格点位',
      pointType: 'bus_stop',
      regionCode: quiet[0],
      address: null,
    });
    expect(
      (await create(admin, { unitId: units[3], kind: 'baolian', targetKind: 'point', targetRef: point.id })).statusCode,
    ).toBe(201);
    expect(
      (await create(admin, { unitId: units[4], kind: 'baolian', targetKind: 'region', targetRef: '620302' }))
        .statusCode,
    ).toBe(201);

    const byPoint = await findResponsibleUnits(t.ctx.db, t.tenantId, { pointId: point.id });
    expect(byPoint).toEqual([expect.objectContaining({ unitId: units[3], kind: 'baolian', via: 'point' })]);
    const byGrid = await findResponsibleUnits(t.ctx.db, t.tenantId, { pointId: gridOnly.id });
    expect(byGrid).toEqual([expect.objectContaining({ unitId: units[0], kind: 'baojie', via: 'grid' })]);
    // quiet[0] and its street have no pairings: the district's answers.
    const byRegion = await findResponsibleUnits(t.ctx.db, t.tenantId, { pointId: loose.id });
    expect(byRegion).toEqual([expect.objectContaining({ unitId: units[4], via: 'region', targetRef: '620302' })]);
    expect(await findResponsibleUnits(t.ctx.db, t.tenantId, { regionCode: '620321' })).toEqual([
      expect.objectContaining({ unitId: units[1], kind: 'jiedui', via: 'region' }),
    ]);
    expect(await findResponsibleUnits(t.ctx.db, t.tenantId, {})).toEqual([]);
  });

  it('moves the pairings of a grid with the grid to its new region', async () => {
    const actor = systemActor(t.tenantId, 'test', t.ctx.clock.now());
    const [g] = await rows<{ code: string; name: string; version: number }>(
      sql`SELECT code, name, version FROM grid WHERE id = ${grid.id}`,
    );
    await updateGrid(t.ctx.db, actor, grid.id, {
      code: g.code,
      name: g.name,
      regionCode: quiet[0],
      version: g.version,
    });
    const paired = await rows<{ region_code: string }>(
      sql`SELECT region_code FROM pairing WHERE target_kind = 'grid' AND target_ref = ${grid.id}`,
    );
    expect(paired).toEqual([{ region_code: quiet[0] }]);
  });
});
