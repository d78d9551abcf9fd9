import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_TYPE, readSheetRows } from '../../platform/excel';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { count, demoCampaignId, publishedFramework, upload, xlsx } from './test-fixtures';

let t: TestApp;
let admin: Session;
let campaignId: string;
let units: { id: string; name: string; credit_code: string }[];

const header = ['序号', '任务名称', '任务内容', '所属行动', '牵头单位', '配合单位', '责任人', '完成时限', '工作频次'];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  campaignId = await demoCampaignId(t);
  units = (
    await t.ctx.db.execute(sql`SELECT id, name, credit_code FROM unit WHERE tenant_id = ${t.tenantId}
      ORDER BY created_at, id LIMIT 12`)
  ).rows as any;
  // Two more units, to assign to 14 in all.
  for (const name of ['示范市交通运输局', '示范市住房和城乡建设局'])
    await admin.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { name, type: 'organ', regionCode: '620302' },
    });
  units.push(
    ...((
      await t.ctx.db.execute(sql`SELECT id, name, credit_code FROM unit WHERE tenant_id = ${t.tenantId}
        AND name IN ('示范市交通运输局', '示范市住房和城乡建设局') ORDER BY name`)
    ).rows as any),
  );
});
afterAll(() => t?.close());

async function runImport(s: Session, bytes: Buffer, id = campaignId) {
  const res = await upload(s, `/api/v1/campaigns/${id}/tasks/import`, bytes, { type: XLSX_TYPE });
  expect(res.statusCode, res.body).toBe(202);
  await t.drainJobs();
  return (await s.inject({ method: 'GET', url: `/api/v1/jobs/${res.json().jobId}` })).json();
}

const cadences = ['一日一清查', '一周一小结', '一月一盘点', '一年一归零', '一事一台账', '每周', null];
const dates = ['2026-12-31', '2026/6/30', '2026年9月1日', '2027.1.15'];

describe('POST /campaigns/:id/tasks/import', () => {
  it('needs sign-in, campaign.manage and an xlsx in the field `file`', async () => {
    const bytes = await xlsx([header]);
    const url = `/api/v1/campaigns/${campaignId}/tasks/import`;
    expect((await t.app.inject({ method: 'POST', url })).statusCode).toBe(401);
    expect((await upload(admin, url, bytes, { field: 'upload' })).statusCode).toBe(400);
    const liaison = await t.login('unit_liaison');
    expect((await upload(liaison, url, bytes)).statusCode).toBe(403);
    expect((await upload(admin, url, Buffer.from('任务名称,牵头单位\n'))).statusCode).toBe(415);
    expect((await upload(admin, `/api/v1/campaigns/${crypto.randomUUID()}/tasks/import`, bytes)).statusCode).toBe(404);
  });

  it('assigns 78 tasks to 14 units: units by name or credit code, actions by name, Chinese cadences and dates', async () => {
    const fw = await publishedFramework(t);
    await t.ctx.db.execute(
      sql`UPDATE campaign SET framework_id = ${fw.id} WHERE tenant_id = ${t.tenantId} AND id = ${campaignId}`,
    );
    const before = await count(t, 'task');
    const rows = Array.from({ length: 78 }, (_, i) => {
      const lead = units[i % 14];
      const co = units[(i + 1) % 14];
      return [
        i + 1,
        `批量任务${i + 1}`,
        i % 2 ? '按测评标准落实' : null,
        ['城市环境整治行动', '志愿服务推进行动', null][i % 3],
        i % 4 === 0 && lead.credit_code ? lead.credit_code : lead.name,
        i % 5 === 0 ? `${co.name}、${units[(i + 2) % 14].name}` : null,
        null,
        dates[i % 4],
        cadences[i % 7],
      ];
    });
    const person =
      await t.ctx.db.execute(sql`SELECT name, min(id::text) AS id FROM person WHERE tenant_id = ${t.tenantId}
      GROUP BY name HAVING count(*) = 1 ORDER BY name LIMIT 1`);
    rows[0][6] = (person.rows[0] as any).name; // the owner, by a name unique in the tenant
    const sheet = await xlsx([['2024—2026年任务清单（第一批）'], [], header, ...rows]);
    const job = await runImport(admin, sheet);
    expect(job, JSON.stringify(job.result)).toMatchObject({ status: 'done', result: { created: 78 }, progress: 156 });
    expect(await count(t, 'task')).toBe(before + 78);
    const leads = await t.ctx.db.execute(sql`SELECT count(DISTINCT lead_unit_id)::int AS n FROM task
      WHERE tenant_id = ${t.tenantId} AND title LIKE '批量任务%'`);
    expect((leads.rows[0] as any).n).toBe(14);
    const one = (
      await admin.inject({ method: 'GET', url: `/api/v1/tasks?q=${encodeURIComponent('批量任务6')}` })
    ).json();
    const six = one.items.find((x: any) => x.title === '批量任务6');
    expect(six).toMatchObject({ deadline: '2026-06-30', cadence: 'weekly', state: 'assigned' }); // 每周
    expect(six.coUnits).toHaveLength(2);
    const first = (
      await admin.inject({ method: 'GET', url: `/api/v1/tasks?q=${encodeURIComponent('批量任务1')}` })
    ).json();
    expect(first.items.find((x: any) => x.title === '批量任务1').owner.id).toBe((person.rows[0] as any).id);
    expect(await count(t, 'audit_event', sql`action = 'task.import'`)).toBe(1);
  });

  it('reports every bad row with its row number, writes nothing, and serves an error report', async () => {
    const before = await count(t, 'task');
    const [a, b] = units;
    const sheet = await xlsx([
      header,
      [1, '好任务一', null, '城市环境整治行动', a.name, null, null, '2026-10-01', '每月'],
      [2, null, null, null, a.name, null, null, '2026-10-01', null],
      [3, '坏单位', null, null, '不存在的单位', null, null, '2026-10-01', null],
      [4, '坏行动', null, '第九大行动', a.name, null, null, '2026-10-01', null],
      [5, '坏日期', null, null, a.name, null, null, '2026-02-30', '每两周'],
      [6, '牵头兼配合', null, null, a.name, `${b.name}，${a.name}`, null, '2026-10-01', null],
      [7, '好任务二', null, null, b.credit_code, null, null, '2026-10-01', '一周一小结'],
    ]);
    const job = await runImport(admin, sheet);
    expect(job.status).toBe('failed');
    expect(job.error).toBe('IMPORT_FAILED');
    expect(job.result.rows).toEqual([
      { row: 3, field: 'title', message: '任务名称：必填' },
      { row: 4, field: 'leadUnitId', message: '牵头单位：单位不存在' },
      { row: 5, field: 'actionId', message: '所属行动：行动不存在' },
      { row: 6, field: 'deadline', message: '完成时限：不是有效的日期' },
      { row: 6, field: 'cadence', message: '工作频次：不是允许的取值' },
      { row: 7, field: 'coUnitIds', message: '配合单位：牵头单位不能同时是配合单位' },
    ]);
    expect(await count(t, 'task')).toBe(before);
    const report = await admin.inject({ method: 'GET', url: `/api/v1/files/${job.result.errorReportFileId}` });
    const { rows } = await readSheetRows(report.rawPayload, {
      columns: [
        { key: 'row', header: ['行号'], required: true },
        { key: 'field', header: ['字段'] },
      ],
      maxRows: 100,
    });
    expect(rows.map((r) => [r.values.row, r.values.field])).toEqual([
      ['3', '任务名称'],
      ['4', '牵头单位'],
      ['5', '所属行动'],
      ['6', '完成时限'],
      ['6', '工作频次'],
      ['7', '配合单位'],
    ]);
  });

  it('names missing columns and refuses an empty sheet', async () => {
    const missing = await runImport(
      admin,
      await xlsx([
        ['任务名称', '备注'],
        ['x', 'y'],
      ]),
    );
    expect(missing.result.rows.map((r: any) => r.field)).toEqual(['leadUnitId', 'deadline']);
    const empty = await runImport(admin, await xlsx([header]));
    expect(empty.result.rows).toEqual([{ row: 0, message: '文件中没有数据行' }]);
  });

  it('serves a template whose example row imports as it is', async () => {
    const res = await admin.inject({
      method: 'GET',
      url: `/api/v1/campaigns/${campaignId}/tasks/import-template.xlsx`,
    });
    expect(res.statusCode).toBe(200);
    expect(await runImport(admin, res.rawPayload)).toMatchObject({ status: 'done', result: { created: 1 } });
  });
});
