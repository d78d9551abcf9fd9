import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSheetRows } from '../../platform/excel';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { DEMO_DISTRICT, DEMO_OTHER_DISTRICT } from '../../demo/seed-demo';
import * as fixtures from './org-import.fixtures';
import { unitHeader, upload, uscc, xlsx } from './org-import.fixtures';

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

describe('POST /units/import', () => {
  it('needs sign-in, unit.manage and an xlsx in the field `file`', async () => {
    const bytes = await xlsx([unitHeader]);
    const anon = await t.app.inject({ method: 'POST', url: '/api/v1/units/import' });
    expect(anon.statusCode).toBe(401);
    const inspector = await t.login('inspector');
    expect((await upload(inspector, '/api/v1/units/import', bytes)).statusCode).toBe(403);
    const wrongField = await upload(admin, '/api/v1/units/import', bytes, 'upload');
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.details.fields[0].field).toBe('file');
    const csv = await upload(admin, '/api/v1/units/import', Buffer.from('单位名称,单位类型\n'));
    expect(csv.statusCode).toBe(415);
  });

  it('imports a good file below a title row: labels, region by code or name, progress to the end, one audit event', async () => {
    const before = await count('unit');
    const codes = [uscc(), uscc(), uscc()];
    const bytes = await xlsx([
      ['示范市单位导入'],
      unitHeader,
      ['导入测试甲单位', '企业', codes[0], DEMO_DISTRICT, '市级', '王一', '13900000001', '北京路 1 号'],
      [],
      ['导入测试乙单位', 'school', codes[1], '金川区', null, null, null, null],
      ['导入测试丙单位', '醫院', codes[2].toLowerCase(), DEMO_OTHER_DISTRICT, '全国', null, '139****0002', null],
    ]);
    const job = await runImport(admin, 'units', bytes);
    expect(job).toMatchObject({ status: 'done', result: { created: 3 }, progress: 6, progressTotal: 6 });
    expect(await count('unit')).toBe(before + 3);
    const res = await t.ctx.db.execute(sql`SELECT name, type, region_code, honor_tier, contact_phone_enc FROM unit
      WHERE tenant_id = ${t.tenantId} AND credit_code = ANY(${sql.param(codes)}::text[]) ORDER BY name`);
    expect(
      res.rows.map((r: any) => [r.name, r.type, r.region_code, r.honor_tier, r.contact_phone_enc !== null]),
    ).toEqual([
      ['导入测试丙单位', 'hospital', DEMO_OTHER_DISTRICT, 'national', false],
      ['导入测试乙单位', 'school', DEMO_DISTRICT, 'none', false],
      ['导入测试甲单位', 'enterprise', DEMO_DISTRICT, 'city', true],
    ]);
    const audit = await t.ctx.db.execute(
      sql`SELECT after FROM audit_event WHERE tenant_id = ${t.tenantId} AND action = 'unit.import'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect((audit.rows[0] as any).after).toMatchObject({ created: 3 });
  });

  it('fails the whole file on 3 bad rows among good ones: each row reported, nothing inserted, report downloadable', async () => {
    const taken = (
      await t.ctx.db.execute(
        sql`SELECT credit_code FROM unit WHERE tenant_id = ${t.tenantId} AND credit_code IS NOT NULL LIMIT 1`,
      )
    ).rows[0] as any;
    const dup = uscc();
    const before = await count('unit');
    const bytes = await xlsx([
      unitHeader,
      ['好单位一', '机关', uscc(), DEMO_DISTRICT],
      ['坏单位·信用代码', '机关', '91620302MA01234560', DEMO_DISTRICT],
      ['好单位二', '企业', dup, DEMO_DISTRICT],
      ['坏单位·类型', '饭店', uscc(), DEMO_DISTRICT],
      ['好单位三', '学校', null, '金川区'],
      ['坏单位·重复', '企业', dup, DEMO_DISTRICT],
      ['坏单位·已存在', '企业', taken.credit_code, DEMO_DISTRICT],
    ]);
    const job = await runImport(admin, 'units', bytes);
    expect(job.status).toBe('failed');
    expect(job.error).toBe('IMPORT_FAILED');
    expect(job.result.rows).toEqual([
      { row: 3, field: 'creditCode', message: '统一社会信用代码：不是有效的统一社会信用代码（校验位不符）' },
      { row: 5, field: 'type', message: '类型：不是允许的取值' },
      { row: 7, field: 'creditCode', message: '统一社会信用代码：与第 4 行重复' },
      { row: 8, field: 'creditCode', message: '统一社会信用代码：已存在' },
    ]);
    expect(await count('unit')).toBe(before);
    const report = await admin.inject({ method: 'GET', url: `/api/v1/files/${job.result.errorReportFileId}` });
    expect(report.statusCode).toBe(200);
    const { rows } = await readSheetRows(report.rawPayload, {
      columns: [
        { key: 'row', header: ['行号'], required: true },
        { key: 'field', header: ['字段'] },
        { key: 'message', header: ['错误'] },
      ],
      maxRows: 100,
    });
    expect(rows.map((r) => [r.values.row, r.values.field])).toEqual([
      ['3', '统一社会信用代码'],
      ['5', '类型'],
      ['7', '统一社会信用代码'],
      ['8', '统一社会信用代码'],
    ]);
  });

  it('reports a row outside the district admin\u2019s district as an unknown region', async () => {
    const before = await count('unit');
    const bytes = await xlsx([
      unitHeader,
      ['区内单位', '机关', uscc(), DEMO_DISTRICT],
      ['区外单位', '机关', uscc(), DEMO_OTHER_DISTRICT],
    ]);
    const job = await runImport(district, 'units', bytes);
    expect(job.status).toBe('failed');
    expect(job.result.rows).toEqual([{ row: 3, field: 'regionCode', message: '所属区划：区划不存在' }]);
    expect(await count('unit')).toBe(before);
  });

  it('names missing columns, in the language of the upload request', async () => {
    const bytes = await xlsx([
      ['Unit name', 'Credit code'],
      ['x', 'y'],
    ]);
    const res = await upload(admin, '/api/v1/units/import', bytes, 'file', { 'accept-language': 'en' });
    await t.drainJobs();
    const job = (await admin.inject({ method: 'GET', url: `/api/v1/jobs/${res.json().jobId}` })).json();
    expect(job.status).toBe('failed');
    expect(job.result.rows).toEqual([
      { row: 0, field: 'type', message: 'type column is missing from the sheet' },
      { row: 0, field: 'regionCode', message: 'region column is missing from the sheet' },
    ]);
  });

  it('fails an empty sheet instead of importing nothing', async () => {
    const job = await runImport(admin, 'units', await xlsx([unitHeader, [], []]));
    expect(job.result.rows).toEqual([{ row: 0, message: '文件中没有数据行' }]);
  });
});

describe('large files', () => {
  const many = (n: number, name: (i: number) => string) =>
    xlsx([unitHeader, ...Array.from({ length: n }, (_, i) => [name(i), '企业', null, DEMO_DISTRICT])]);

  it('imports in several chunks without hanging, reporting progress as the engine allows', async () => {
    // Every progress value the job row takes, as another session would see it.
    await t.ctx.db.execute(sql`CREATE TABLE wm_test_progress (progress int, at timestamptz DEFAULT clock_timestamp())`);
    await t.ctx.db.execute(sql`CREATE FUNCTION wm_test_progress() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO wm_test_progress (progress) VALUES (NEW.progress); RETURN NEW; END $$`);
    await t.ctx.db.execute(
      sql`CREATE TRIGGER wm_test_progress AFTER UPDATE OF progress ON job FOR EACH ROW EXECUTE FUNCTION wm_test_progress()`,
    );
    try {
      const before = await count('unit');
      const job = await runImport(admin, 'units', await many(1200, (i) => `批量单位${i}`));
      expect(job).toMatchObject({ status: 'done', result: { created: 1200 }, progress: 2400, progressTotal: 2400 });
      expect(await count('unit')).toBe(before + 1200);
      const seen = (await t.ctx.db.execute(sql`SELECT progress FROM wm_test_progress ORDER BY at`)).rows.map(
        (r: any) => r.progress,
      );
      // Validation counts as the first half; inserts report per chunk of 500 only where progress has its own connection.
      expect(seen).toEqual(t.ctx.database.engine === 'pglite' ? [0, 1200, 2400] : [0, 1200, 1700, 2200, 2400, 2400]);
    } finally {
      await t.ctx.db.execute(sql`DROP TRIGGER wm_test_progress ON job`);
      await t.ctx.db.execute(sql`DROP FUNCTION wm_test_progress()`);
      await t.ctx.db.execute(sql`DROP TABLE wm_test_progress`);
    }
  });

  it('rolls back every chunk when an insert fails late in the transaction', async () => {
    await t.ctx.db.execute(sql`CREATE FUNCTION wm_test_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = '爆炸单位' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$`);
    await t.ctx.db.execute(
      sql`CREATE TRIGGER wm_test_boom BEFORE INSERT ON unit FOR EACH ROW EXECUTE FUNCTION wm_test_boom()`,
    );
    try {
      const before = await count('unit');
      const job = await runImport(admin, 'units', await many(1100, (i) => (i === 1050 ? '爆炸单位' : `回滚单位${i}`)));
      expect(job.status).toBe('queued'); // an unexpected error is retried later
      expect(await count('unit')).toBe(before);
    } finally {
      await t.ctx.db.execute(sql`DROP TRIGGER wm_test_boom ON unit`);
      await t.ctx.db.execute(sql`DROP FUNCTION wm_test_boom()`);
    }
  });
});
