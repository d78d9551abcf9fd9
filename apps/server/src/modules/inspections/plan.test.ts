import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/ids';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { count } from '../campaigns/test-fixtures';
import {
  accountId,
  checklistOf,
  communities,
  demoFrameworkId,
  insertPoints,
  publishedPlan,
  submission,
} from './test-helpers';

let t: TestApp;
let admin: Session;
let inspector: Session;
let frameworkId: string;
let regions: string[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  inspector = await t.login('inspector');
  frameworkId = await demoFrameworkId(t);
  regions = await communities(t);
});
afterAll(() => t?.close());

const url = '/api/v1/inspection-plans';
const draftBody = () => ({ name: '五月实地测评', frameworkId, kind: 'field_eval', period: '2026-05' });

describe('inspection plans: access and bad input', () => {
  it('needs sign-in (401), a valid body (400), inspection.plan (403); unknown plans are 404', async () => {
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const both = await admin.inject({ method: 'POST', url, payload: { ...draftBody(), startDate: '2026-05-01' } });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details.fields[0]).toEqual({
      field: 'startDate',
      message: '开始日期：填写月份或起止日期，二者选一',
    });
    const unpublished = await admin.inject({ method: 'POST', url, payload: { ...draftBody(), frameworkId: newId() } });
    expect(unpublished.json().error.details.fields[0].field).toBe('frameworkId');
    expect((await inspector.inject({ method: 'POST', url, payload: draftBody() })).statusCode).toBe(403);
    const missing = await admin.inject({ method: 'GET', url: `${url}/${newId()}` });
    expect(missing.json().error.code).toBe('INSPECTION_PLAN_NOT_FOUND');
  });
});

describe('sampling, teams, assignment, progress and the life cycle', () => {
  it('draws the same random sample for the same seed, and a different one for another seed', async () => {
    await insertPoints(t, ['market', 'toilet'], 6, regions);
    const plan = (await admin.inject({ method: 'POST', url, payload: draftBody() })).json();
    expect(plan).toMatchObject({ status: 'draft', startDate: '2026-05-01', endDate: '2026-05-31', version: 1 });
    const draw = async (seed: string) => {
      const body = { mode: 'random', pointTypes: ['market', 'toilet'], perType: 3, seed };
      const res = await admin.inject({ method: 'POST', url: `${url}/${plan.id}/sample`, payload: body });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ count: 6, byType: { market: 3, toilet: 3 }, seed });
      const points = await admin.inject({ method: 'GET', url: `${url}/${plan.id}/points?pageSize=100` });
      return points
        .json()
        .items.map((p: any) => p.pointId)
        .sort();
    };
    const a = await draw('2026-05');
    expect(await draw('2026-05')).toEqual(a);
    expect(await draw('another seed')).not.toEqual(a);
    const stored = (await admin.inject({ method: 'GET', url: `${url}/${plan.id}` })).json();
    expect(stored.sample).toMatchObject({ mode: 'random', seed: 'another seed', perType: 3 });
  });

  it('splits the sample between two teams, publishes, counts progress, closes', async () => {
    const pointIds = await insertPoints(t, ['residential'], 4, regions);
    const plan = (await admin.inject({ method: 'POST', url, payload: draftBody() })).json();
    await admin.inject({ method: 'POST', url: `${url}/${plan.id}/sample`, payload: { mode: 'pick', pointIds } });
    const notYet = await admin.inject({ method: 'POST', url: `${url}/${plan.id}/publish` });
    expect(notYet.json().error.code).toBe('PLAN_HAS_NO_TEAMS');
    const resident = await accountId(t, 'resident');
    const badTeam = await admin.inject({
      method: 'POST',
      url: `${url}/${plan.id}/teams`,
      payload: { name: '第一组', memberIds: [resident] },
    });
    expect(badTeam.json().error.details.fields[0].field).toBe('memberIds');
    const [me, other] = [await accountId(t, 'inspector'), await accountId(t, 'district_admin')];
    await admin.inject({
      method: 'POST',
      url: `${url}/${plan.id}/teams`,
      payload: { name: '第一督查组', memberIds: [me], leaderId: me },
    });
    const two = await admin.inject({
      method: 'POST',
      url: `${url}/${plan.id}/teams`,
      payload: { name: '第二督查组', memberIds: [other] },
    });
    expect(two.statusCode).toBe(201);
    const unassigned = await admin.inject({ method: 'POST', url: `${url}/${plan.id}/publish` });
    expect(unassigned.json().error).toMatchObject({ code: 'PLAN_POINTS_UNASSIGNED', details: { count: 4 } });
    const split = await admin.inject({
      method: 'POST',
      url: `${url}/${plan.id}/assign`,
      payload: { strategy: 'by_region' },
    });
    expect(split.json().teams.map((x: any) => x.pointCount)).toEqual([2, 2]);
    const published = await admin.inject({ method: 'POST', url: `${url}/${plan.id}/publish` });
    expect(published.json()).toMatchObject({ status: 'published', version: expect.any(Number) });
    const theirs = (
      await admin.inject({ method: 'GET', url: `${url}/${plan.id}/points?teamId=${split.json().teams[1].id}` })
    ).json();
    const c = await checklistOf(inspector, plan.id, theirs.items[0].pointId);
    const notMine = await inspector.inject({
      method: 'POST',
      url: '/api/v1/inspections',
      payload: submission(c, { planId: plan.id, pointId: theirs.items[0].pointId }),
    });
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('POINT_NOT_ASSIGNED_TO_YOU');
    const mine = (
      await admin.inject({ method: 'GET', url: `${url}/${plan.id}/points?teamId=${split.json().teams[0].id}` })
    ).json();
    const c1 = await checklistOf(inspector, plan.id, mine.items[0].pointId);
    const done = await inspector.inject({
      method: 'POST',
      url: '/api/v1/inspections',
      payload: submission(c1, { planId: plan.id, pointId: mine.items[0].pointId }),
    });
    expect(done.statusCode).toBe(201);
    const progress = (await inspector.inject({ method: 'GET', url: `${url}/${plan.id}/progress` })).json();
    expect(progress).toMatchObject({ total: 4, done: 1, unassigned: 0 });
    expect(progress.teams.map((x: any) => [x.name, x.assigned, x.done])).toEqual([
      ['第一督查组', 2, 1],
      ['第二督查组', 2, 0],
    ]);
    const current = (await admin.inject({ method: 'GET', url: `${url}/${plan.id}` })).json();
    const core = await admin.inject({
      method: 'PUT',
      url: `${url}/${plan.id}`,
      payload: { ...draftBody(), kind: 'inspection', version: current.version },
    });
    expect(core.json().error.code).toBe('PLAN_NOT_DRAFT');
    const stale = await admin.inject({
      method: 'PUT',
      url: `${url}/${plan.id}`,
      payload: { ...draftBody(), version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.version).toBe(current.version);
    const renamed = await admin.inject({
      method: 'PUT',
      url: `${url}/${plan.id}`,
      payload: { ...draftBody(), name: '改名', version: current.version },
    });
    expect(renamed.json()).toMatchObject({ name: '改名', version: current.version + 1 });
    expect((await admin.inject({ method: 'DELETE', url: `${url}/${plan.id}` })).json().error.code).toBe(
      'PLAN_HAS_INSPECTIONS',
    );
    expect((await admin.inject({ method: 'POST', url: `${url}/${plan.id}/close` })).json().status).toBe('closed');
    expect(await count(t, 'audit_event', sql`object_id = ${plan.id}`)).toBeGreaterThanOrEqual(6);
  });
});

describe('unannounced plans (暗访)', () => {
  it('stay invisible to the inspected unit and grid worker until the results are published', async () => {
    const [here] = regions;
    const pointIds = await insertPoints(t, ['residential'], 1, [here]);
    const liaison = await t.login('unit_liaison');
    const gridWorker = await t.login('grid_worker');
    const announced = await publishedPlan(admin, t, { pointIds, members: ['inspector'] });
    const secret = await publishedPlan(admin, t, { pointIds, members: ['inspector'], kind: 'unannounced' });
    const c = await checklistOf(inspector, secret.planId, pointIds[0]);
    const body = submission(c, { planId: secret.planId, pointId: pointIds[0] });
    expect((await inspector.inject({ method: 'POST', url: '/api/v1/inspections', payload: body })).statusCode).toBe(
      201,
    );
    for (const s of [liaison, gridWorker]) {
      const list = (await s.inject({ method: 'GET', url: `${url}?pageSize=100` })).json().items.map((p: any) => p.id);
      expect(list).toContain(announced.planId);
      expect(list).not.toContain(secret.planId);
      expect((await s.inject({ method: 'GET', url: `${url}/${secret.planId}` })).statusCode).toBe(404);
      expect((await s.inject({ method: 'GET', url: `/api/v1/inspections/${body.id}` })).statusCode).toBe(404);
      const seen = (await s.inject({ method: 'GET', url: `/api/v1/inspections?planId=${secret.planId}` })).json();
      expect(seen.total).toBe(0);
      const checklist = (planId: string) =>
        s.inject({ method: 'GET', url: `/api/v1/points/${pointIds[0]}/checklist?planId=${planId}` });
      expect((await checklist(secret.planId)).statusCode).toBe(404);
      expect((await checklist(announced.planId)).statusCode).toBe(200);
    }
    // the inspector of the plan (a team member) sees it all along
    expect((await inspector.inject({ method: 'GET', url: `${url}/${secret.planId}` })).statusCode).toBe(200);
    const pub = await admin.inject({ method: 'POST', url: `${url}/${secret.planId}/publish-results` });
    expect(pub.json().resultsPublishedAt).not.toBeNull();
    for (const s of [liaison, gridWorker]) {
      expect((await s.inject({ method: 'GET', url: `${url}/${secret.planId}` })).statusCode).toBe(200);
      const one = await s.inject({ method: 'GET', url: `/api/v1/inspections/${body.id}` });
      expect(one.json()).toMatchObject({ id: body.id, observations: expect.any(Array) });
    }
    // a unit sees nothing of points it is not responsible for
    const elsewhere = await insertPoints(t, ['market'], 1, [regions[regions.length - 1]]);
    const far = await publishedPlan(admin, t, { pointIds: elsewhere, members: ['inspector'] });
    expect((await liaison.inject({ method: 'GET', url: `${url}/${far.planId}` })).statusCode).toBe(404);
  });
});
