import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { DEMO_DISTRICT } from '../../demo/seed-demo';
import { upload, xlsx } from './org-import.fixtures';

let t: TestApp;
let admin: Session;
let village: { code: string; name: string };
let grid: { code: string; region_code: string };

const header = ['点位名称', '点位类型', '所属区划', '所属网格', '地址', '纬度', '经度', '责任单位'];
const countPoints = async () =>
  Number(
    ((await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM point WHERE tenant_id = ${t.tenantId}`)).rows[0] as any)
      .n,
  );

async function runImport(s: Session, bytes: Buffer) {
  const res = await upload(s, '/api/v1/points/import', bytes);
  expect(res.statusCode, res.body).toBe(202);
  await t.drainJobs();
  return (await s.inject({ method: 'GET', url: `/api/v1/jobs/${res.json().jobId}` })).json();
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  grid = (
    await t.ctx.db.execute(
      sql`SELECT code, region_code FROM grid WHERE tenant_id = ${t.tenantId} ORDER BY code LIMIT 1`,
    )
  ).rows[0] as any;
  village = (
    await t.ctx.db.execute(sql`SELECT code, name FROM region WHERE tenant_id = ${t.tenantId}
    AND code = ${grid.region_code}`)
  ).rows[0] as any;
});
afterAll(() => t?.close());

describe('POST /points/import', () => {
  it('needs sign-in (401), region.manage (403) and a file (400)', async () => {
    const bytes = await xlsx([header]);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/points/import' })).statusCode).toBe(401);
    expect((await upload(await t.login('inspector'), '/api/v1/points/import', bytes)).statusCode).toBe(403);
    const noFile = await upload(admin, '/api/v1/points/import', bytes, 'upload');
    expect(noFile.json().error.details.fields[0].field).toBe('file');
  });

  it('imports types and regions by code or name, grids, coordinates and the responsible unit’s pairing', async () => {
    const before = await countPoints();
    const bytes = await xlsx([
      ['示范市点位导入'],
      header,
      ['导入测试甲小区', '小区', village.name, grid.code, '北京路 1 号', 38.51, 102.2, '示范市城市管理局'],
      ['导入测试乙市场', 'market', village.code, null, null, '38.52', '102.21', null],
      ['导入测试丙公廁', '公廁', DEMO_DISTRICT, null, null, null, null, null],
    ]);
    const job = await runImport(admin, bytes);
    expect(job).toMatchObject({ status: 'done', result: { created: 3 }, progress: 6, progressTotal: 6 });
    expect(await countPoints()).toBe(before + 3);
    const rows =
      await t.ctx.db.execute(sql`SELECT p.name, p.point_type, p.region_code, p.grid_id IS NOT NULL AS has_grid,
        p.lat, (SELECT count(*)::int FROM pairing pr WHERE pr.tenant_id = p.tenant_id AND pr.target_ref = p.id::text) AS pairings
      FROM point p WHERE p.tenant_id = ${t.tenantId} AND p.name LIKE '导入测试%' ORDER BY p.point_type`);
    expect(rows.rows.map((r: any) => [r.point_type, r.region_code, r.has_grid, r.pairings])).toEqual([
      ['market', village.code, false, 0],
      ['residential', village.code, true, 1],
      ['toilet', DEMO_DISTRICT, false, 0],
    ]);
    const audit = await t.ctx.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_event WHERE tenant_id = ${t.tenantId} AND action = 'point.import'`,
    );
    expect((audit.rows[0] as any).n).toBe(1);
  });

  it('imports nothing when any row is bad, and names every bad row', async () => {
    const before = await countPoints();
    const bytes = await xlsx([
      header,
      ['好的点位', '小区', village.code, null, null, null, null, null],
      ['坏的类型', '游乐场', village.code, null, null, null, null, null],
      ['坏的坐标', '小区', village.code, null, null, '95', null, null],
      ['好的点位', '公厕', village.code, null, null, null, null, null],
      ['错的网格', '小区', DEMO_DISTRICT, grid.code, null, null, null, null],
      ['导入测试甲小区', '小区', village.code, null, null, null, null, null],
    ]);
    const job = await runImport(admin, bytes);
    expect(job.status).toBe('failed');
    expect(job.result.rows.map((r: any) => [r.row, r.field])).toEqual([
      [3, 'pointType'],
      [4, 'lat'],
      [5, 'name'],
      [6, 'gridId'],
      [7, 'name'],
    ]);
    expect(job.result.errorReportFileId).toEqual(expect.any(String));
    expect(await countPoints()).toBe(before);
  });
});

describe('GET /points/map', () => {
  it('answers a GeoJSON FeatureCollection of the points in the region, [lng, lat]', async () => {
    const res = await admin.inject({ method: 'GET', url: `/api/v1/points/map?regionCode=${village.code}` });
    expect(res.statusCode).toBe(200);
    const fc = res.json();
    expect(fc.type).toBe('FeatureCollection');
    const market = fc.features.find((f: any) => f.properties.name === '导入测试乙市场');
    expect(market).toMatchObject({ type: 'Feature', geometry: { type: 'Point', coordinates: [102.21, 38.52] } });
    expect(market.properties).toMatchObject({
      pointType: 'market',
      pointTypeName: '农贸市场',
      regionCode: village.code,
    });
    expect(fc.features.every((f: any) => f.properties.regionCode.startsWith(village.code))).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/points/map' })).statusCode).toBe(401);
  });
});
