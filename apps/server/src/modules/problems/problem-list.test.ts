// The problem list and what hangs off it: filters and scope, duplicate suggestions, the Excel export, settings.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../test/harness';
import { syncProblemRegionPaths } from './problem.policy';
import { PROBLEM_COUNT_CAP } from './problem.service';
import { act, count, createProblemsTestApp, gridWorkerPlace, photo, unitByName } from './test-fixtures';

let t: TestApp;
let admin: Session;
let district: Session;
let grid: Session;
let liaison: Session;
let place: Awaited<ReturnType<typeof gridWorkerPlace>>;

beforeAll(async () => {
  t = await createProblemsTestApp();
  [admin, district, grid, liaison] = await Promise.all(
    ['admin', 'district_admin', 'grid_worker', 'unit_liaison'].map((u) => t.login(u)),
  );
  place = await gridWorkerPlace(t);
});
afterAll(() => t?.close());

async function newProblem(over: Record<string, unknown> = {}, s: Session = grid) {
  const payload = {
    source: 'grid',
    category: 'sanitation',
    description: '垃圾桶满溢',
    regionCode: place.code,
    ...over,
  };
  const res = await s.inject({ method: 'POST', url: '/api/v1/problems', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const list = async (s: Session, query: string) => {
  const res = await s.inject({ method: 'GET', url: `/api/v1/problems?pageSize=500&${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: any[]; total: number };
};

describe('GET /problems', () => {
  it('needs sign-in (401), a valid query (400) and problem.read (403)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/problems' })).statusCode).toBe(401);
    const bad = await admin.inject({ method: 'GET', url: '/api/v1/problems?status=lost&overdue=maybe' });
    expect(bad.statusCode).toBe(400);
    const volunteer = await t.login('volunteer');
    expect((await volunteer.inject({ method: 'GET', url: '/api/v1/problems' })).statusCode).toBe(403);
    // A resident reads problems only through the own scope: their own reports.
    const resident = await t.login('resident');
    const own = await resident.inject({ method: 'GET', url: '/api/v1/problems?pageSize=100' });
    expect(own.statusCode).toBe(200);
    const residentId = (await resident.inject({ method: 'GET', url: '/api/v1/me' })).json().user.id;
    const reporters = await t.ctx.db.execute(sql`SELECT DISTINCT reported_by FROM problem
      WHERE tenant_id = ${t.tenantId} AND id = ANY(${sql.param(own.json().items.map((p: any) => p.id))}::uuid[])`);
    for (const r of reporters.rows as { reported_by: string }[]) expect(r.reported_by).toBe(residentId);
  });

  it('keeps a district office to its district and filters by region subtree, state, category, source', async () => {
    const all = await list(admin, '');
    expect(all.total).toBeGreaterThanOrEqual(40);
    const mine = await list(district, '');
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.total).toBeLessThan(all.total);
    for (const p of mine.items) expect(p.regionCode.startsWith('620302')).toBe(true);
    expect((await list(district, 'regionCode=620321')).total).toBe(0);
    const other = await list(admin, 'regionCode=620321');
    expect(other.total + mine.total).toBe(all.total);
    const closed = await list(admin, 'status=closed&category=sanitation');
    for (const p of closed.items) expect(p).toMatchObject({ status: 'closed', category: { code: 'sanitation' } });
    const residents = await list(admin, 'source=resident');
    expect(residents.items.every((p) => p.source === 'resident')).toBe(true);
    const page = await admin.inject({ method: 'GET', url: '/api/v1/problems?page=2&pageSize=5' });
    expect(page.json()).toMatchObject({ page: 2, pageSize: 5, total: all.total });
    expect(page.json().items).toHaveLength(5);
  });

  it('lists the overdue, a unit\u2019s problems and finds by text in either script', async () => {
    const overdue = await list(admin, 'overdue=true');
    expect(overdue.total).toBeGreaterThanOrEqual(4);
    expect(overdue.items.every((p) => p.isOverdue)).toBe(true);
    const p = await newProblem({ description: '团结巷路灯不亮' });
    const unit = await list(admin, `unitId=${place.unit_id}`);
    expect(unit.items.map((x) => x.id)).toContain(p.id);
    expect((await list(admin, `q=${encodeURIComponent('團結巷路燈')}`)).items.map((x) => x.id)).toContain(p.id);
    expect((await list(admin, `q=${p.number}`)).items.map((x) => x.id)).toEqual([p.id]);
    const own = await list(liaison, '');
    expect(own.items.every((x) => x.assignedUnit?.id === place.unit_id)).toBe(true);
  });

  it('stops counting past the cap: total is then a lower bound and totalExact false', async () => {
    await t.ctx.db.execute(sql`INSERT INTO problem (tenant_id, id, number, source, status, category, severity,
        description, region_code, region_path)
      SELECT ${t.tenantId}, gen_random_uuid(), 'CAP-' || g, 'office', 'reported', 'other', 'low', '计数上限', r.code,
        r.path::text || '.'
      FROM generate_series(1, ${PROBLEM_COUNT_CAP + 1}) g, region r WHERE r.tenant_id = ${t.tenantId} AND r.code = ${place.code}`);
    await t.ctx.db.execute(sql`ANALYZE problem`);
    const capped = await admin.inject({ method: 'GET', url: '/api/v1/problems?category=other&pageSize=5' });
    expect(capped.json()).toMatchObject({ total: PROBLEM_COUNT_CAP, totalExact: false });
    expect(capped.json().items).toHaveLength(5);
    const exact = await admin.inject({ method: 'GET', url: '/api/v1/problems?category=sanitation' });
    expect(exact.json().totalExact).toBe(true);
    await t.ctx.db.execute(sql`DELETE FROM problem WHERE tenant_id = ${t.tenantId} AND number LIKE 'CAP-%'`);
  });
});

describe('GET /problems/:id/duplicates', () => {
  it('suggests open problems of the same category nearby and in the time window', async () => {
    const a = await newProblem({ lat: 38.52, lng: 102.2, description: '垃圾堆放' });
    const near = await newProblem({ lat: 38.5202, lng: 102.2002, description: '同一处垃圾堆放' });
    const far = await newProblem({ lat: 38.53, lng: 102.2, description: '一公里外' });
    const otherKind = await newProblem({ lat: 38.52, lng: 102.2, category: 'civility', description: '不文明行为' });
    const res = await admin.inject({ method: 'GET', url: `/api/v1/problems/${a.id}/duplicates` });
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().map((x: any) => x.id);
    expect(ids).toContain(near.id);
    expect(ids).not.toContain(far.id);
    expect(ids).not.toContain(otherKind.id);
    expect(res.json()[0].distanceMetres).toBeLessThan(50);
    const wide = await admin.inject({ method: 'GET', url: `/api/v1/problems/${a.id}/duplicates?radius=2000` });
    expect(wide.json().map((x: any) => x.id)).toContain(far.id);
    const before = await grid.inject({
      method: 'GET',
      url: '/api/v1/problems/duplicates?category=sanitation&lat=38.5201&lng=102.2001',
    });
    expect(before.json().map((x: any) => x.id)).toEqual(expect.arrayContaining([a.id, near.id]));
    expect(
      (await grid.inject({ method: 'GET', url: '/api/v1/problems/duplicates?category=sanitation' })).statusCode,
    ).toBe(400);
    await act(admin, near.id, { action: 'mark_duplicate', duplicateOf: a.id });
    const after = await admin.inject({ method: 'GET', url: `/api/v1/problems/${a.id}/duplicates` });
    expect(after.json().map((x: any) => x.id)).not.toContain(near.id);
  });
});

describe('GET /problems/export.xlsx', () => {
  it('gives a unit its problem list with photo links; another unit is a 404; inspectors may not export', async () => {
    const before = await photo(grid);
    const p = await newProblem({ beforePhotoFileIds: [before], address: '金川路1号' });
    const res = await liaison.inject({ method: 'GET', url: `/api/v1/problems/export.xlsx?unitId=${place.unit_id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.getWorksheet('问题清单')!;
    expect(ws.getCell(1, 1).value).toBe(`${place.unit_name}问题清单`);
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['问题编号', '整改时限', '整改前照片']));
    const rows = ws.getSheetValues().slice(4).filter(Boolean) as any[];
    expect(rows.length).toBe(await count(t, 'problem', sqlUnit(place.unit_id)));
    const mine = rows.find((r) => r[2] === p.number);
    expect(mine[12].hyperlink).toContain(`/api/v1/problems/${p.id}/photos/${before}`);
    const other = await unitByName(t, '示范市人民医院');
    const denied = await liaison.inject({ method: 'GET', url: `/api/v1/problems/export.xlsx?unitId=${other.id}` });
    expect(denied.statusCode).toBe(404);
    const inspector = await t.login('inspector');
    expect((await inspector.inject({ method: 'GET', url: '/api/v1/problems/export.xlsx' })).statusCode).toBe(403);
  });
});

describe('exporting the whole list', () => {
  it('lets the office export its whole scope with the list filters, without choosing a unit', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/v1/problems/export.xlsx?status=assigned' });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const rows = wb.getWorksheet('问题清单')!.getSheetValues().slice(4).filter(Boolean) as any[];
    expect(rows.length).toBe(await count(t, 'problem', sql`status = 'assigned'`));
    for (const r of rows) expect(r[10]).toBe('已派单');
  });

  it('writes a large export as a job with progress, kept as the requester’s file', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/problems/export-jobs', payload: {} })).statusCode).toBe(
      401,
    );
    const bad = await admin.inject({
      method: 'POST',
      url: '/api/v1/problems/export-jobs',
      payload: { status: 'lost' },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('status');
    const inspector = await t.login('inspector');
    const denied = await inspector.inject({ method: 'POST', url: '/api/v1/problems/export-jobs', payload: {} });
    expect(denied.statusCode).toBe(403);
    const started = await district.inject({ method: 'POST', url: '/api/v1/problems/export-jobs', payload: {} });
    expect(started.statusCode, started.body).toBe(202);
    const { jobId, total } = started.json();
    expect(total).toBe((await list(district, '')).total);
    await t.drainJobs();
    const job = (await district.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}` })).json();
    expect(job).toMatchObject({ status: 'done', progress: total + 1, progressTotal: total + 1 });
    expect(job.result.rows).toBe(total);
    const download = await district.inject({ method: 'GET', url: `/api/v1/files/${job.result.fileId}` });
    expect(download.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(download.rawPayload as any);
    expect(wb.getWorksheet('问题清单')!.getSheetValues().slice(4).filter(Boolean).length).toBe(total);
    // Someone else cannot follow the job to the file: another person's job is a 404 (issue 13).
    const other = await grid.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}` });
    expect(other.statusCode).toBe(404);
  });
});

describe('problem settings', () => {
  it('lets the office change deadlines by severity (audited); others may read them', async () => {
    const current = (await liaison.inject({ method: 'GET', url: '/api/v1/problem-settings' })).json();
    expect(current.deadlineDays).toEqual({ high: 1, medium: 3, low: 7 });
    const body = { ...current, deadlineDays: { high: 2, medium: 5, low: 10 } };
    expect((await liaison.inject({ method: 'PUT', url: '/api/v1/problem-settings', payload: body })).statusCode).toBe(
      403,
    );
    const bad = await admin.inject({
      method: 'PUT',
      url: '/api/v1/problem-settings',
      payload: { ...body, remindHoursBefore: -1 },
    });
    expect(bad.statusCode).toBe(400);
    expect((await admin.inject({ method: 'PUT', url: '/api/v1/problem-settings', payload: body })).statusCode).toBe(
      200,
    );
    const p = await newProblem({ severity: 'high' });
    expect(new Date(p.deadlineAt).getTime() - new Date(p.createdAt).getTime()).toBeCloseTo(2 * 86_400_000, -5);
    expect(await count(t, 'audit_event', sqlAction('problem.settings'))).toBe(1);
    await admin.inject({ method: 'PUT', url: '/api/v1/problem-settings', payload: current });
  });

  it('lists the categories for reporters', async () => {
    const res = await grid.inject({ method: 'GET', url: '/api/v1/problem-categories' });
    expect(res.json().map((c: any) => c.code)).toEqual(expect.arrayContaining(['sanitation', 'facilities', 'other']));
    expect(res.json().find((c: any) => c.code === 'facilities').attributes[0].code).toBe('facility_type');
  });
});

const sqlUnit = (unitId: string) => sql`assigned_unit_id = ${unitId}`;
const sqlAction = (action: string) => sql`action = ${action}`;

describe('region paths', () => {
  it('follow a region merge when the org module calls syncProblemRegionPaths', async () => {
    const p = await newProblem();
    const [a] = (
      await t.ctx.db.execute(sql`SELECT code, path::text AS path FROM region WHERE tenant_id = ${t.tenantId}
        AND code = ${place.code}`)
    ).rows as { code: string; path: string }[];
    // Move the community under another street, as a merge of streets would.
    const [other] = (
      await t.ctx.db.execute(sql`SELECT path::text AS path FROM region WHERE tenant_id = ${t.tenantId}
        AND level = 'township' AND NOT (path @> ${a.path}::ltree) LIMIT 1`)
    ).rows as { path: string }[];
    const moved = `${other.path}.${a.code}`;
    await t.ctx.db.transaction(async (tx) => {
      await tx.execute(
        sql`UPDATE region SET path = ${moved}::ltree WHERE tenant_id = ${t.tenantId} AND code = ${a.code}`,
      );
      expect(await syncProblemRegionPaths(tx, t.tenantId, a.path)).toBeGreaterThan(0);
    });
    const row = await t.ctx.db.execute(
      sql`SELECT region_path FROM problem WHERE tenant_id = ${t.tenantId} AND id = ${p.id}`,
    );
    expect((row.rows[0] as any).region_path).toBe(`${moved}.`);
    await t.ctx.db.transaction(async (tx) => {
      await tx.execute(
        sql`UPDATE region SET path = ${a.path}::ltree WHERE tenant_id = ${t.tenantId} AND code = ${a.code}`,
      );
      await syncProblemRegionPaths(tx, t.tenantId, moved);
    });
  });
});
