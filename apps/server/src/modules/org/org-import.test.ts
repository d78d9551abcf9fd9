import { computeIdCardCheck, computeUsccCheck } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { XLSX_TYPE, readSheetRows } from '../../platform/excel';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { DEMO_DISTRICT, DEMO_OTHER_DISTRICT } from './demo/seed-demo';
import { unitColumns } from './org-import-rows';

// Until modules/index.ts registers these routes and jobs, add them to the app under test (a no-op once it does).
vi.mock('../index', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../index')>();
  const { orgImportRoutes } = await import('./org-import.routes');
  const { registerOrgImportJobs } = await import('./org-import');
  return {
    ...orig,
    registerModules: (ctx: any) => async (app: any) => {
      await orig.registerModules(ctx)(app, {});
      if (!app.hasRoute({ method: 'POST', url: '/api/v1/units/import' })) await app.register(orgImportRoutes(ctx));
    },
    registerJobs: (ctx: any) => {
      orig.registerJobs(ctx);
      registerOrgImportJobs(ctx);
    },
  };
});

let t: TestApp;
let admin: Session;
let district: Session;
let seq = 0;

/** A valid credit code no other test uses. */
function uscc(): string {
  const body = `91620302MA${String(++seq + 1000).padStart(7, '0')}`;
  return body + computeUsccCheck(body);
}
function idCard(n: number): string {
  const body = `62030219850101${String(n).padStart(3, '0')}`;
  return body + computeIdCardCheck(body);
}

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('导入');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(s: Session, url: string, bytes: Buffer, field = 'file', headers: Record<string, string> = {}) {
  const boundary = `----wenming${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="import.xlsx"\r\nContent-Type: ${XLSX_TYPE}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return s.inject({
    method: 'POST',
    url,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers },
  });
}

/** Upload, run the queued job, and answer the job as GET /jobs/:id shows it. */
async function runImport(s: Session, what: 'units' | 'people', bytes: Buffer) {
  const res = await upload(s, `/api/v1/${what}/import`, bytes);
  expect(res.statusCode, res.body).toBe(202);
  await t.drainJobs();
  const job = await s.inject({ method: 'GET', url: `/api/v1/jobs/${res.json().jobId}` });
  expect(job.statusCode).toBe(200);
  return job.json();
}

async function count(table: 'unit' | 'person'): Promise<number> {
  const res = await t.ctx.db.execute(
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE tenant_id = ${t.tenantId}`,
  );
  return Number((res.rows[0] as any).n);
}

const unitHeader = [
  '单位名称',
  '单位类型',
  '统一社会信用代码',
  '所属区划',
  '文明单位等级',
  '联系人',
  '联系电话',
  '地址',
];

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

  it('imports in several chunks without hanging and ends with progress at the total', async () => {
    const before = await count('unit');
    const job = await runImport(admin, 'units', await many(1200, (i) => `批量单位${i}`));
    expect(job).toMatchObject({ status: 'done', result: { created: 1200 }, progress: 2400, progressTotal: 2400 });
    expect(await count('unit')).toBe(before + 1200);
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
      expect(job.error).toMatch(/boom/);
      expect(await count('unit')).toBe(before);
    } finally {
      await t.ctx.db.execute(sql`DROP TRIGGER wm_test_boom ON unit`);
      await t.ctx.db.execute(sql`DROP FUNCTION wm_test_boom()`);
    }
  });
});

describe('GET /units/export.xlsx', () => {
  it('exports with the list filters and scope, phones masked, and the export imports again', async () => {
    const res = await district.inject({ method: 'GET', url: `/api/v1/units/export.xlsx?regionCode=${DEMO_DISTRICT}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('单位.xlsx')}`);
    const { rows } = await readSheetRows(res.rawPayload, { columns: unitColumns, maxRows: 1000 });
    const inDistrict = (
      await t.ctx.db.execute(sql`SELECT count(*)::int AS n FROM unit WHERE tenant_id = ${t.tenantId}
      AND region_code LIKE ${`${DEMO_DISTRICT}%`}`)
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
