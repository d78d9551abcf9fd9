import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_TYPE, readSheetRows } from '../../platform/excel';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { DEMO_DISTRICT, DEMO_OTHER_DISTRICT } from '../../demo/seed-demo';
import { unitColumns } from './org-import-rows';
import * as fixtures from './org-import.fixtures';
import { idCard, uscc, xlsx } from './org-import.fixtures';

let t: TestApp;
let admin: Session;
let district: Session;
const runImport = (s: Session, what: 'units' | 'people', bytes: Buffer) => fixtures.runImport(t, s, what, bytes);
const count = (table: 'unit' | 'person') => fixtures.count(t, table);

beforeAll(async () => {
  t = await createTestApp();
  [admin, district] = await Promise.all([t.login('admin'), t.login('district_admin')]);
});
afterAll(() => t?.close());

describe('GET /units/export.xlsx', () => {
  it('exports with the list filters and scope, phones masked, and the export imports again', async () => {
    const res = await district.inject({
      method: 'GET',
      url: `/api/v1/units/export.xlsx?regionCode=${DEMO_DISTRICT}&q=${encodeURIComponent('示范市')}`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('单位.xlsx')}`);
    const { rows } = await readSheetRows(res.rawPayload, { columns: unitColumns, maxRows: 1000 });
    const inDistrict = (
      await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM unit WHERE tenant_id = ${t.tenantId}
      AND region_code LIKE ${`${DEMO_DISTRICT}%`} AND name LIKE '示范市%'`)
    ).rows[0] as any;
    expect(rows).toHaveLength(inDistrict.n);
    const phones = rows.map((r) => r.values.contactPhone).filter(Boolean);
    expect(phones.length).toBeGreaterThan(0);
    for (const p of phones) expect(p).toMatch(/^\d{3}\*{4}\d{4}$/);

    // Round trip: the same sheet with fresh credit codes imports, giving the same names, types and regions.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0];
    const fresh = new Map<string, string>();
    for (const r of rows) {
      const code = uscc();
      fresh.set(code, r.values.name!);
      ws.getCell(r.row, 3).value = code;
      ws.getCell(r.row, 1).value = `${r.values.name}（复制）`;
    }
    const job = await runImport(district, 'units', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(job).toMatchObject({ status: 'done', result: { created: rows.length } });
    const copies = await t.ctx.db.execute(sql`SELECT name, type, region_code, honor_tier FROM unit
      WHERE tenant_id = ${t.tenantId} AND credit_code = ANY(${sql.param([...fresh.keys()])}::text[]) ORDER BY name`);
    const originals =
      await t.ctx.db.execute(sql`SELECT name || '（复制）' AS name, type, region_code, honor_tier FROM unit
      WHERE tenant_id = ${t.tenantId} AND name = ANY(${sql.param([...fresh.values()])}::text[]) AND region_code LIKE ${`${DEMO_DISTRICT}%`}
        AND name NOT LIKE '%（复制）' ORDER BY name`);
    expect(copies.rows).toEqual(originals.rows);
  });
});

describe('OpenAPI', () => {
  it('documents the import, export and template routes', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of [
      '/api/v1/units/import',
      '/api/v1/people/import',
      '/api/v1/units/export.xlsx',
      '/api/v1/people/import-template.xlsx',
    ])
      expect(doc.paths[p]).toBeTruthy();
  });
});

describe('templates', () => {
  it('serves templates whose example rows import as they are', async () => {
    const units = await admin.inject({ method: 'GET', url: '/api/v1/units/import-template.xlsx' });
    expect(units.statusCode).toBe(200);
    expect(units.headers['content-type']).toBe(XLSX_TYPE);
    expect(await runImport(admin, 'units', units.rawPayload)).toMatchObject({ status: 'done', result: { created: 1 } });
    const people = await admin.inject({ method: 'GET', url: '/api/v1/people/import-template.xlsx' });
    expect(await runImport(admin, 'people', people.rawPayload)).toMatchObject({
      status: 'done',
      result: { created: 1 },
    });
  });
});

describe('POST /people/import and GET /people/export.xlsx', () => {
  const header = ['姓名', '性别', '身份证号', '手机号', '所在单位', '所属区划', '职务'];

  it('imports people with units by name or credit code, then refuses repeats of their ID numbers', async () => {
    const unit = (
      await t.ctx.db.execute(sql`SELECT name, credit_code FROM unit WHERE tenant_id = ${t.tenantId}
      AND name = '示范市人民医院'`)
    ).rows[0] as any;
    const before = await count('person');
    const good = await xlsx([
      header,
      ['导入甲', '男', idCard(1), '13700000001', '示范市人民医院', DEMO_DISTRICT, '医生'],
      ['导入乙', '女', idCard(2), null, unit.credit_code, '金川区', null],
      ['导入丙', null, null, null, null, DEMO_OTHER_DISTRICT, null],
    ]);
    expect(await runImport(admin, 'people', good)).toMatchObject({ status: 'done', result: { created: 3 } });
    expect(await count('person')).toBe(before + 3);

    const bad = await xlsx([
      header,
      ['重复甲', '男', idCard(1), null, null, DEMO_DISTRICT, null],
      ['新人', '男', idCard(3), null, '没有这个单位', DEMO_DISTRICT, null],
      ['新人二', '未知', idCard(3), '12345', null, DEMO_DISTRICT, null],
    ]);
    const job = await runImport(admin, 'people', bad);
    expect(job.status).toBe('failed');
    expect(job.result.rows).toEqual([
      { row: 2, field: 'idCard', message: '身份证号：已存在' },
      { row: 3, field: 'unitId', message: '所在单位：单位不存在' },
      { row: 4, field: 'gender', message: '性别：不是允许的取值' },
      { row: 4, field: 'phone', message: '手机号：不是有效的手机号码' },
      { row: 4, field: 'idCard', message: '身份证号：与第 3 行重复' },
    ]);
    expect(await count('person')).toBe(before + 3);
  });

  it('exports people with ID numbers and phones masked', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/v1/people/export.xlsx?q=导入甲' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const values = (r: number) => (wb.worksheets[0].getRow(r).values as unknown[]).slice(1);
    expect(values(1)).toEqual(['姓名', '性别', '身份证号', '手机号', '所在单位', '所属区划', '区划名称', '职务']);
    expect(values(2)).toEqual([
      '导入甲',
      '男',
      '620***********' + idCard(1).slice(-4),
      '137****0001',
      '示范市人民医院',
      DEMO_DISTRICT,
      '金川区',
      '医生',
    ]);
  });
});
