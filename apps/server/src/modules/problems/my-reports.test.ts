// 我的上报 and the signed-in 随手拍: a resident's report through the public page is theirs when a session comes with it
// (the CSRF token is required like any cookie write), and GET /my/problem-reports lists only the caller's reports.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../test/harness';
import { PNG, createProblemsTestApp, multipart } from './test-fixtures';

let t: TestApp;
let resident: Session;

beforeAll(async () => {
  t = await createProblemsTestApp();
  resident = await t.login('resident');
});
afterAll(() => t?.close());

const report = (description: string) =>
  multipart(
    { category: 'sanitation', description, lat: '38.5001', lng: '102.1801' },
    { field: 'file', name: 'photo.png', bytes: PNG },
  );

function sendAs(s: Session | null, description: string, csrf?: string) {
  const body = report(description);
  const headers: Record<string, string> = { ...body.headers };
  if (s) headers.cookie = s.cookie;
  if (csrf !== undefined) headers['x-csrf-token'] = csrf;
  return t.app.inject({ method: 'POST', url: '/api/v1/public/problem-reports', payload: body.payload, headers });
}

describe('我的上报', () => {
  it('needs a session (401), a valid page (400 naming the field) and problem.report (403)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/my/problem-reports' })).statusCode).toBe(401);
    const bad = await resident.inject({ method: 'GET', url: '/api/v1/my/problem-reports?pageSize=0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('pageSize');
    const volunteer = await t.login('volunteer');
    expect((await volunteer.inject({ method: 'GET', url: '/api/v1/my/problem-reports' })).statusCode).toBe(403);
  });

  it('refuses a signed-in report without the session CSRF token, as every cookie write (403)', async () => {
    const res = await sendAs(resident, '无令牌的上报');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('records a signed-in 随手拍 as the resident’s own and lists it with its state; others see none of it', async () => {
    const mine = await sendAs(resident, '小区门口共享单车乱停', resident.csrf);
    expect(mine.statusCode, mine.body).toBe(201);
    const anonymous = await sendAs(null, '匿名：路灯不亮');
    expect(anonymous.statusCode).toBe(201);
    const row = await t.ctx.db.execute(sql`SELECT p.reported_by, a.username, p.reporter_name FROM problem p
      JOIN account a ON a.tenant_id = p.tenant_id AND a.id = p.reported_by
      WHERE p.tenant_id = ${t.tenantId} AND p.id = ${mine.json().id}`);
    expect(row.rows[0]).toMatchObject({ username: 'resident' });

    const list = await resident.inject({ method: 'GET', url: '/api/v1/my/problem-reports' });
    expect(list.statusCode).toBe(200);
    const page = list.json();
    expect(page.items.map((i: { number: string }) => i.number)).toEqual([mine.json().number]);
    expect(page.items[0]).toMatchObject({
      status: mine.json().status,
      statusLabel: mine.json().statusLabel,
      category: { code: 'sanitation' },
      description: '小区门口共享单车乱停',
    });
    expect(page).toMatchObject({ total: 1, page: 1, pageSize: 20 });

    const grid = await t.login('grid_worker');
    const theirs = (await grid.inject({ method: 'GET', url: '/api/v1/my/problem-reports' })).json();
    expect(theirs.items.map((i: { id: string }) => i.id)).not.toContain(mine.json().id);
  });

  it('pages newest first', async () => {
    await sendAs(resident, '第二条：垃圾桶满溢', resident.csrf);
    await sendAs(resident, '第三条：墙面小广告', resident.csrf);
    const first = (await resident.inject({ method: 'GET', url: '/api/v1/my/problem-reports?pageSize=2' })).json();
    expect(first.total).toBe(3);
    expect(first.items.map((i: { description: string }) => i.description)).toEqual([
      '第三条：墙面小广告',
      '第二条：垃圾桶满溢',
    ]);
    const second = (
      await resident.inject({ method: 'GET', url: '/api/v1/my/problem-reports?pageSize=2&page=2' })
    ).json();
    expect(second.items.map((i: { description: string }) => i.description)).toEqual(['小区门口共享单车乱停']);
  });
});
