import { computeIdCardCheck } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { upload, xlsx } from '../org/org-import.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 600_000);
afterAll(() => t?.close());

const id = (body17: string) => body17 + computeIdCardCheck(body17);
const header = ['姓名', '身份证号', '手机号', '所属区划', '技能特长', '服务时间', '政治面貌', '学历'];
const count = async () =>
  Number(
    (
      await t.database.query<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM volunteer WHERE tenant_id = ${t.tenantId}`,
      )
    )[0].n,
  );

async function runImport(bytes: Buffer) {
  const station = await t.login('station_admin');
  const res = await upload(station, '/api/v1/volunteers/import', bytes);
  expect(res.statusCode, res.body).toBe(202);
  await t.drainJobs();
  return (await station.inject({ method: 'GET', url: `/api/v1/jobs/${res.json().jobId}` })).json();
}

describe('volunteer import and export', () => {
  it('imports nothing when any row is bad, and names each bad row and field', async () => {
    const before = await count();
    const good = id('62030219770707001');
    const job = await runImport(
      await xlsx([
        header,
        ['周一', good, '13800000001', '620302001001', '应急救护、助老服务', '周六上午', '群众', '本科'],
        ['吴二', `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}`, '13800000002', '620302001001', '', '', '', ''],
        ['郑三', good, '13800000003', '620302001001', '飞行', '', '', ''],
      ]),
    );
    expect(job.status).toBe('failed');
    const rows = job.result.rows.map((r: any) => [r.row, r.field]);
    expect(rows).toEqual(
      expect.arrayContaining([
        [3, 'idCard'],
        [4, 'idCard'],
        [4, 'skills.0'],
      ]),
    );
    expect(rows.some((r: any) => r[0] === 2)).toBe(false);
    expect(await count()).toBe(before);
  });

  it('imports a good file into the station, numbered, with labels read as codes; export is masked', async () => {
    const before = await count();
    const job = await runImport(
      await xlsx([
        header,
        [
          '冯导入',
          id('62030219660606002'),
          '13800000011',
          '620302001001',
          '应急救护、助老服务',
          '周六上午、周日晚上',
          '中共党员',
          '大专',
        ],
        ['陈导入', id('62030219660606003'), '13800000012', '620302001001', '', '', '', ''],
      ]),
    );
    expect(job.status, JSON.stringify(job.result)).toBe('done');
    expect(job.result).toEqual({ created: 2 });
    expect(job.progress).toBe(job.progressTotal);
    expect(await count()).toBe(before + 2);
    const station = await t.login('station_admin');
    const found = (
      await station.inject({ method: 'GET', url: '/api/v1/volunteers?q=%E5%86%AF%E5%AF%BC%E5%85%A5' })
    ).json();
    expect(found.items[0]).toMatchObject({
      skills: ['first_aid', 'elderly_care'],
      availability: ['sat_am', 'sun_eve'],
      politicalStatus: 'cpc_member',
      education: 'college',
    });
    const res = await station.inject({ method: 'GET', url: '/api/v1/volunteers/export.xlsx' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain('冯导入');
    expect(text).not.toContain('62030219660606002');
    expect(text).toContain('138****0011');
    // The same file again: every row is already registered.
    const again = await runImport(
      await xlsx([header, ['冯导入', id('62030219660606002'), '13800000011', '620302001001', '', '', '', '']]),
    );
    expect(again.result.rows).toEqual([expect.objectContaining({ row: 2, field: 'idCard' })]);
  });
});

describe('teams and membership', () => {
  it('keeps the hierarchy 总队 → 支队 → 小队 and handles join requests with approval', async () => {
    const admin = await t.login('admin');
    const site = (
      await t.database.query<{ id: string }>(
        sql`SELECT id FROM practice_site WHERE kind = 'centre' AND tenant_id = ${t.tenantId}`,
      )
    )[0].id;
    const mk = (body: Record<string, unknown>) =>
      admin.inject({ method: 'POST', url: '/api/v1/teams', payload: { siteId: site, regionCode: '6203', ...body } });
    const corps = await mk({ name: '测试总队', level: 'corps' });
    expect(corps.statusCode, corps.body).toBe(201);
    const noParent = await mk({ name: '测试支队', level: 'brigade' });
    expect(noParent.statusCode).toBe(400);
    expect(noParent.json().error.details.fields[0].field).toBe('parentId');
    const brigade = await mk({ name: '测试支队', level: 'brigade', parentId: corps.json().id });
    expect(brigade.statusCode).toBe(201);
    const wrong = await mk({ name: '测试小队', level: 'squad', parentId: corps.json().id });
    expect(wrong.json().error.code).toBe('TEAM_PARENT_LEVEL');
    const squad = (await mk({ name: '测试小队', level: 'squad', parentId: brigade.json().id })).json();

    const vol = await t.login('volunteer'); // the demo volunteer is registered by the demo seed
    const join = await vol.inject({
      method: 'POST',
      url: `/api/v1/teams/${squad.id}/join`,
      payload: { note: '想参加' },
    });
    expect(join.statusCode, join.body).toBe(200);
    expect(join.json().status).toBe('pending');
    const twice = await vol.inject({ method: 'POST', url: `/api/v1/teams/${squad.id}/join`, payload: {} });
    expect(twice.json().error.code).toBe('TEAM_ALREADY_MEMBER');
    const vid = join.json().volunteerId;
    const rejectNoNote = await admin.inject({
      method: 'POST',
      url: `/api/v1/teams/${squad.id}/members/${vid}/decision`,
      payload: { decision: 'reject' },
    });
    expect(rejectNoNote.statusCode).toBe(400);
    const ok = await admin.inject({
      method: 'POST',
      url: `/api/v1/teams/${squad.id}/members/${vid}/decision`,
      payload: { decision: 'approve' },
    });
    expect(ok.json().status).toBe('active');
    const again = await admin.inject({
      method: 'POST',
      url: `/api/v1/teams/${squad.id}/members/${vid}/decision`,
      payload: { decision: 'approve' },
    });
    expect(again.json().error.code).toBe('TEAM_REQUEST_NOT_PENDING');
    const mine = (await vol.inject({ method: 'GET', url: '/api/v1/teams/mine' })).json();
    expect(mine.map((x: any) => x.teamId)).toContain(squad.id);
    const team = (await admin.inject({ method: 'GET', url: `/api/v1/teams/${squad.id}` })).json();
    expect(team.memberCount).toBe(1);
    // A volunteer may not manage a team.
    expect((await vol.inject({ method: 'GET', url: `/api/v1/teams/${squad.id}/members` })).statusCode).toBe(403);
  });
});
