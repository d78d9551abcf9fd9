// The rectification loop through the routes: report → routed by pairings → rectified with an after-photo →
// returned once → rectified again → verified → closed, every step audited; then the rules it must refuse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../test/harness';
import {
  act,
  auditActions,
  createProblemsTestApp,
  gridWorkerPlace,
  liaisonOf,
  photo,
  unitByName,
} from './test-fixtures';

let t: TestApp;
let admin: Session;
let inspector: Session;
let grid: Session;
let liaison: Session; // the demo liaison: its unit is paired with the grid worker's community
let hospital: Session; // liaison of another unit
let place: Awaited<ReturnType<typeof gridWorkerPlace>>;

beforeAll(async () => {
  t = await createProblemsTestApp();
  [admin, inspector, grid, liaison] = await Promise.all(
    ['admin', 'inspector', 'grid_worker', 'unit_liaison'].map((u) => t.login(u)),
  );
  hospital = await liaisonOf(t, (await unitByName(t, '示范市人民医院')).id, 'hospital_liaison');
  place = await gridWorkerPlace(t);
});
afterAll(() => t?.close());

const report = (over: Record<string, unknown> = {}) => ({
  source: 'grid',
  category: 'sanitation',
  description: '小区垃圾桶满溢未清运',
  regionCode: place.code,
  address: '网格内3号楼旁',
  lat: 38.5,
  lng: 102.18,
  ...over,
});

async function newProblem(s: Session = grid, over: Record<string, unknown> = {}) {
  const res = await s.inject({ method: 'POST', url: '/api/v1/problems', payload: report(over) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('POST /problems', () => {
  it('needs sign-in (401), a valid body (400 naming fields), problem.report (403)', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/problems', payload: report() })).statusCode).toBe(401);
    const bad = await grid.inject({ method: 'POST', url: '/api/v1/problems', payload: { source: 'grid' } });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.fields.map((f: any) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['category', 'description']));
    expect((await liaison.inject({ method: 'POST', url: '/api/v1/problems', payload: report() })).statusCode).toBe(403);
  });

  it('refuses an unknown category, a place outside the reporter\u2019s area and photos of others', async () => {
    const cat = await grid.inject({ method: 'POST', url: '/api/v1/problems', payload: report({ category: 'nope' }) });
    expect(cat.json().error.details.fields[0]).toMatchObject({ field: 'category' });
    const far = await grid.inject({
      method: 'POST',
      url: '/api/v1/problems',
      payload: report({ regionCode: '620321' }),
    });
    expect(far.statusCode).toBe(400);
    expect(far.json().error.details.fields[0].field).toBe('regionCode');
    const foreign = await photo(inspector);
    const res = await grid.inject({
      method: 'POST',
      url: '/api/v1/problems',
      payload: report({ beforePhotoFileIds: [foreign] }),
    });
    expect(res.json().error.details.fields[0].field).toBe('beforePhotoFileIds');
  });

  it('stores a resend with the same client id once', async () => {
    const id = crypto.randomUUID();
    const a = await newProblem(grid, { id });
    const b = await newProblem(grid, { id });
    expect(b.number).toBe(a.number);
    const key = crypto.randomUUID();
    const headers = { 'idempotency-key': key };
    const c = await grid.inject({ method: 'POST', url: '/api/v1/problems', payload: report(), headers });
    const d = await grid.inject({ method: 'POST', url: '/api/v1/problems', payload: report(), headers });
    expect(d.headers['idempotent-replayed']).toBe('true');
    expect(d.json().id).toBe(c.json().id);
  });
});

describe('the rectification loop', () => {
  it('routes a grid report by the pairing, rectifies, returns once, verifies and closes, all audited', async () => {
    const before = await photo(grid);
    const p = await newProblem(grid, { beforePhotoFileIds: [before], severity: 'medium' });
    expect(p).toMatchObject({ status: 'assigned', source: 'grid', assignedUnit: { id: place.unit_id } });
    expect(new Date(p.deadlineAt).getTime() - new Date(p.createdAt).getTime()).toBeCloseTo(3 * 86_400_000, -5);
    expect(p.photos.before.map((x: any) => x.fileId)).toEqual([before]);
    const seen = await liaison.inject({ method: 'GET', url: `/api/v1/problems/${p.id}` });
    expect(seen.json().allowedActions).toEqual(['start', 'dispute']);

    const stale = await act(liaison, p.id, { action: 'start', version: p.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await act(liaison, p.id, { action: 'start', version: p.version })).json().status).toBe('rectifying');
    const after1 = await photo(liaison);
    expect((await act(liaison, p.id, { action: 'submit', photoFileIds: [after1] })).json().status).toBe('submitted');
    const noReason = await act(inspector, p.id, { action: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].field).toBe('reason');
    const returned = await act(inspector, p.id, { action: 'return', reason: '垃圾桶周边仍有散落垃圾' });
    expect(returned.json()).toMatchObject({ status: 'returned' });
    expect((await act(liaison, p.id, { action: 'start' })).json().status).toBe('rectifying');
    const after2 = await photo(liaison);
    await act(liaison, p.id, { action: 'submit', photoFileIds: [after2], reason: '已清理并增设垃圾桶' });
    const verified = await act(inspector, p.id, { action: 'verify' });
    expect(verified.json().status).toBe('verified');
    const closed = await act(admin, p.id, { action: 'close' });
    expect(closed.json()).toMatchObject({ status: 'closed', allowedActions: ['reopen'] });
    expect(closed.json().closedAt).not.toBeNull();
    expect(closed.json().photos.after.map((x: any) => x.fileId)).toEqual([after1, after2]);
    expect(closed.json().history.map((h: any) => h.action)).toEqual([
      'create',
      'assign',
      'start',
      'submit',
      'return',
      'start',
      'submit',
      'verify',
      'close',
    ]);
    expect(await auditActions(t, p.id)).toEqual([
      'problem.create',
      'problem.start',
      'problem.submit',
      'problem.return',
      'problem.start',
      'problem.submit',
      'problem.verify',
      'problem.close',
    ]);
    const img = await liaison.inject({ method: 'GET', url: `/api/v1/problems/${p.id}/photos/${before}` });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
  });

  it('answers 409 for a transition the state machine lacks and 403 without the action\u2019s permission', async () => {
    const p = await newProblem();
    const res = await act(inspector, p.id, { action: 'verify' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'PROBLEM_TRANSITION_NOT_ALLOWED', details: { status: 'assigned' } });
    expect((await act(admin, p.id, { action: 'close' })).statusCode).toBe(409);
    expect((await act(liaison, p.id, { action: 'close' })).statusCode).toBe(403);
    expect((await act(grid, p.id, { action: 'assign', unitId: place.unit_id })).statusCode).toBe(403);
  });

  it('hides a problem of another unit from its liaison (404), for reading and acting', async () => {
    const p = await newProblem();
    expect((await hospital.inject({ method: 'GET', url: `/api/v1/problems/${p.id}` })).statusCode).toBe(404);
    expect((await act(hospital, p.id, { action: 'start' })).statusCode).toBe(404);
    const list = await hospital.inject({ method: 'GET', url: '/api/v1/problems?pageSize=200' });
    expect(list.json().items.map((x: any) => x.id)).not.toContain(p.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/problems/${p.id}` })).statusCode).toBe(401);
  });

  it('refuses to verify without an after-photo of the latest submission (422)', async () => {
    const p = await newProblem();
    await act(liaison, p.id, { action: 'start' });
    await act(liaison, p.id, { action: 'submit' });
    const res = await act(inspector, p.id, { action: 'verify' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('PROBLEM_AFTER_PHOTO_REQUIRED');
    const photoOnStart = await act(liaison, p.id, { action: 'start', photoFileIds: [await photo(liaison)] });
    expect(photoOnStart.statusCode).toBe(400);
  });

  it('lets the unit dispute and the office decide: reject back to the unit, or reassign elsewhere', async () => {
    const p = await newProblem();
    expect((await act(liaison, p.id, { action: 'dispute' })).statusCode).toBe(400);
    const disputed = await act(liaison, p.id, { action: 'dispute', reason: '不属于本单位包联范围' });
    expect(disputed.json().status).toBe('disputed');
    const view = await admin.inject({ method: 'GET', url: `/api/v1/problems/${p.id}` });
    expect(view.json().allowedActions).toEqual(['reassign', 'reject_dispute', 'mark_duplicate']);
    const rejected = await act(admin, p.id, { action: 'reject_dispute', reason: '经核实属该单位包联范围' });
    expect(rejected.json()).toMatchObject({ status: 'assigned', assignedUnit: { id: place.unit_id } });
    await act(liaison, p.id, { action: 'dispute', reason: '仍有异议' });
    const other = await unitByName(t, '示范市人民医院');
    const moved = await act(admin, p.id, { action: 'reassign', unitId: other.id, reason: '改由医院整改' });
    expect(moved.json()).toMatchObject({ status: 'assigned', assignedUnit: { id: other.id } });
    expect((await hospital.inject({ method: 'GET', url: `/api/v1/problems/${p.id}` })).statusCode).toBe(200);
    expect((await liaison.inject({ method: 'GET', url: `/api/v1/problems/${p.id}` })).statusCode).toBe(404);
    expect(await auditActions(t, p.id)).toEqual([
      'problem.create',
      'problem.dispute',
      'problem.reject_dispute',
      'problem.dispute',
      'problem.reassign',
    ]);
  });

  it('reopens a closed problem at a re-inspection with a new deadline, and marks duplicates', async () => {
    const p = await newProblem();
    await act(liaison, p.id, { action: 'start' });
    await act(liaison, p.id, { action: 'submit', photoFileIds: [await photo(liaison)] });
    await act(inspector, p.id, { action: 'verify' });
    await act(admin, p.id, { action: 'close' });
    const again = await act(inspector, p.id, {
      action: 'reopen',
      reason: '回头看发现复现',
      photoFileIds: [await photo(inspector)],
    });
    expect(again.json()).toMatchObject({ status: 'reopened', closedAt: null });
    expect(again.json().photos.before).toHaveLength(1);
    const q = await newProblem();
    expect((await act(admin, q.id, { action: 'mark_duplicate', duplicateOf: q.id })).statusCode).toBe(422);
    const dup = await act(admin, q.id, { action: 'mark_duplicate', duplicateOf: p.id });
    expect(dup.json()).toMatchObject({ status: 'duplicate', duplicateOf: { id: p.id, number: p.number } });
  });
});
