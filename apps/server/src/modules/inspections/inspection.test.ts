import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { verifyAuditChain } from '../../platform/audit';
import { newId } from '../../platform/ids';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { count } from '../campaigns/test-fixtures';
import {
  type PlanSetup,
  checklistOf,
  communities,
  insertPoints,
  publishedPlan,
  submission,
  uploadPhoto,
} from './test-helpers';

let t: TestApp;
let admin: Session;
let inspector: Session;
let setup: PlanSetup;
let photo: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  inspector = await t.login('inspector');
  const regions = await communities(t);
  const pointIds = await insertPoints(t, ['residential', 'market', 'bus_stop'], 2, regions);
  setup = await publishedPlan(admin, t, { pointIds, members: ['inspector'] });
  photo = await uploadPhoto(inspector);
});
afterAll(() => t?.close());

const pointOf = (i: number) => ({ planId: setup.planId, pointId: setup.pointIds[i] });

describe('inspections: access and bad input', () => {
  it('needs sign-in (401), a valid body (400), an inspection permission (403); unknown plans are 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/inspections/today' })).statusCode).toBe(401);
    const bad = await inspector.inject({ method: 'POST', url: '/api/v1/inspections', payload: { id: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: any) => f.field)).toContain('id');
    const resident = await t.login('resident');
    expect((await resident.inject({ method: 'GET', url: '/api/v1/inspection-plans' })).statusCode).toBe(403);
    expect((await resident.inject({ method: 'GET', url: '/api/v1/inspections/today' })).statusCode).toBe(403);
    const missing = await inspector.inject({
      method: 'GET',
      url: `/api/v1/points/${setup.pointIds[0]}/checklist?planId=${newId()}`,
    });
    expect(missing.json().error.code).toBe('INSPECTION_PLAN_NOT_FOUND');
  });
});

describe('the phone: today and checklists', () => {
  it('lists my points today with coordinates for the map, not yet inspected first', async () => {
    const res = await inspector.inject({ method: 'GET', url: '/api/v1/inspections/today' });
    expect(res.statusCode).toBe(200);
    const mine = res.json().items.filter((p: any) => p.planId === setup.planId);
    expect(mine).toHaveLength(6);
    expect(mine[0]).toMatchObject({
      teamName: '第一督查组',
      done: false,
      lat: expect.any(Number),
      lng: expect.any(Number),
    });
  });

  it('gives the standards of the point type (and those for every type) checked on site', async () => {
    const residential = await checklistOf(inspector, setup.planId, setup.pointIds[0]);
    const market = await checklistOf(inspector, setup.planId, setup.pointIds[2]);
    expect(residential.point.pointType).toBe('residential');
    expect(residential.standards.length).toBeGreaterThan(5);
    for (const s of residential.standards) {
      expect(s.pointTypes.length === 0 || s.pointTypes.includes('residential')).toBe(true);
      expect(s.methods.length === 0 || s.methods.some((m) => m === 'field' || m === 'observation')).toBe(true);
    }
    expect(residential.standards.some((s) => s.name.includes('小区'))).toBe(true);
    expect(market.standards.some((s) => s.pointTypes.includes('market'))).toBe(true);
    const residentialIds = new Set(residential.standards.map((s) => s.id));
    expect(market.standards.filter((s) => s.pointTypes.length > 0 && residentialIds.has(s.id))).toEqual([]);
    expect(residential.negativeItems.map((n) => n.effect)).toEqual(['veto', 'suspend', 'deduct', 'deduct']);
    expect(residential.standards[0].path).toHaveLength(2);
  });
});

describe('submitting an inspection', () => {
  it('stores it once however often it is sent (same id, same Idempotency-Key), and findings become problems', async () => {
    const c = await checklistOf(inspector, setup.planId, setup.pointIds[0]);
    const body = submission(c, pointOf(0), { notMet: 2, photo, na: true });
    // Notes with characters that JSON and array literals escape, and the string NULL, arrive as written.
    const tricky = '引号"逗号,花括号{}反斜杠\\ NULL';
    body.observations[2] = { ...body.observations[2], note: tricky };
    body.observations[3] = { ...body.observations[3], note: 'NULL' };
    const headers = { 'idempotency-key': body.id };
    const first = await inspector.inject({ method: 'POST', url: '/api/v1/inspections', payload: body, headers });
    expect(first.statusCode, first.body).toBe(201);
    const replay = await inspector.inject({ method: 'POST', url: '/api/v1/inspections', payload: body, headers });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const resend = await inspector.inject({ method: 'POST', url: '/api/v1/inspections', payload: body });
    expect(resend.statusCode).toBe(200);
    const v = first.json();
    expect(resend.json()).toEqual(v);
    expect(await count(t, 'inspection', sql`id = ${body.id}`)).toBe(1);
    expect(await count(t, 'inspection_observation', sql`inspection_id = ${body.id}`)).toBe(c.standards.length);
    expect(await count(t, 'problem', sql`inspection_id = ${body.id}`)).toBe(2);
    const pointsOf = (i: number) => c.standards[i].points;
    const applicable = c.totalPoints - pointsOf(c.standards.length - 1);
    expect(v.applicable).toBeCloseTo(applicable, 2);
    expect(v).toMatchObject({ findingCount: 2, version: 1, vetoed: false });
    expect(v.problems.map((p: any) => p.observationId)).toEqual(body.observations.slice(0, 2).map((o) => o.id));
    const stored = (await inspector.inject({ method: 'GET', url: `/api/v1/inspections/${body.id}` })).json();
    const { observations, negativeItems: _n, ...head } = stored;
    const { problems: _p, ...receiptHead } = v;
    expect(head).toMatchObject(receiptHead);
    expect(observations.filter((o: any) => o.problemId).map((o: any) => o.problemId)).toEqual(
      v.problems.map((p: any) => p.problemId),
    );
    expect(observations.map((o: any) => o.id)).toEqual(body.observations.map((o) => o.id));
    expect(observations[0]).toMatchObject({
      result: 'not_met',
      note: '地面有垃圾',
      photoFileIds: [photo],
      earned: expect.any(Number),
    });
    expect(observations[2].note).toBe(tricky);
    expect(observations[3].note).toBe('NULL');
    expect(observations[4].note).toBeNull();
    expect(await count(t, 'audit_event', sql`object_id = ${body.id} AND action = 'inspection.submit'`)).toBe(1);
  });

  it('stores the Idempotency-Key answer with the inspection: another process replays it, refuses the key for another body', async () => {
    const c = await checklistOf(inspector, setup.planId, setup.pointIds[4]);
    const body = submission(c, pointOf(4), { notMet: 1, photo });
    const key = newId();
    const as = (app: typeof t.app, payload: object, k = key) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/inspections',
        payload,
        headers: { cookie: inspector.cookie, 'x-csrf-token': inspector.csrf, 'idempotency-key': k },
      });
    const first = await as(t.app, body);
    expect(first.statusCode, first.body).toBe(201);
    const [rec] = await t.database.query<{ status_code: number; response: string }>(
      sql`SELECT status_code, response::text AS response FROM idempotency_record WHERE key = ${key}`,
    );
    expect(rec.status_code).toBe(201);
    expect(JSON.parse(rec.response)).toEqual(first.json());
    // Another process over the same database: it never saw the answer, and finds it stored.
    const other = await buildApp(t.config, { database: t.database, logger: false });
    try {
      const resent = await as(other, body);
      expect(resent.statusCode).toBe(201);
      expect(resent.headers['idempotent-replayed']).toBe('true');
      expect(resent.json()).toEqual(first.json());
      const changed = await as(other, { ...body, note: '改过的备注' });
      expect(changed.statusCode).toBe(422);
      expect(changed.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      // The key again for a new inspection: refused, in this process (its answer kept) and in the other (stored).
      const fresh = submission(c, pointOf(5));
      for (const app of [t.app, other]) {
        const reused = await as(app, fresh);
        expect(reused.statusCode, reused.body).toBe(422);
        expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
      }
      expect(await count(t, 'inspection', sql`id = ${fresh.id}`)).toBe(0);
      expect(await count(t, 'inspection_observation', sql`inspection_id = ${fresh.id}`)).toBe(0);
      expect(await count(t, 'audit_event', sql`object_id = ${fresh.id}`)).toBe(0);
      // With a key of its own it is stored as usual.
      expect((await as(other, fresh, newId())).statusCode).toBe(201);
    } finally {
      await other.close();
    }
  });

  it('refuses a stale edit with 409 and the stored version; an edit raises one problem per new finding', async () => {
    const c = await checklistOf(inspector, setup.planId, setup.pointIds[1]);
    const body = submission(c, pointOf(1), { notMet: 1, photo });
    expect((await inspector.inject({ method: 'POST', url: '/api/v1/inspections', payload: body })).statusCode).toBe(
      201,
    );
    const { id: _id, planId: _p, pointId: _q, ...rest } = body;
    const edit = {
      ...rest,
      observations: body.observations.map((o, i) => (i === 1 ? { ...o, result: 'not_met', photoFileIds: [photo] } : o)),
    };
    const ok = await inspector.inject({
      method: 'PUT',
      url: `/api/v1/inspections/${body.id}`,
      payload: { ...edit, version: 1 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, findingCount: 2 });
    expect(await count(t, 'problem', sql`inspection_id = ${body.id}`)).toBe(2);
    const stale = await admin.inject({
      method: 'PUT',
      url: `/api/v1/inspections/${body.id}`,
      payload: { ...rest, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect(stale.json().error.details.current).toMatchObject({ id: body.id, version: 2, findingCount: 2 });
  });

  it('refuses findings without photos, unknown photos, missing standards and points of another team', async () => {
    const c = await checklistOf(inspector, setup.planId, setup.pointIds[2]);
    const noPhoto = submission(c, pointOf(2), { notMet: 1 });
    const r1 = await inspector.inject({ method: 'POST', url: '/api/v1/inspections', payload: noPhoto });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.details.fields[0].field).toBe('observations.0.photoFileIds');
    const unknown = submission(c, pointOf(2), { notMet: 1, photo: newId() });
    const r2 = await inspector.inject({ method: 'POST', url: '/api/v1/inspections', payload: unknown });
    expect(r2.json().error.details.fields[0]).toMatchObject({ field: 'observations.0.photoFileIds' });
    const partial = submission(c, pointOf(2));
    partial.observations.pop();
    const r3 = await inspector.inject({ method: 'POST', url: '/api/v1/inspections', payload: partial });
    expect(r3.statusCode).toBe(422);
    expect(r3.json().error).toMatchObject({
      code: 'INSPECTION_INCOMPLETE',
      details: { missing: [c.standards.at(-1)!.id] },
    });
    const other = await insertPoints(t, ['residential'], 1, await communities(t));
    const plan2 = await publishedPlan(admin, t, { pointIds: other, members: ['district_admin'] });
    const c2 = await checklistOf(admin, plan2.planId, other[0]);
    const notMine = await inspector.inject({
      method: 'POST',
      url: '/api/v1/inspections',
      payload: submission(c2, { planId: plan2.planId, pointId: other[0] }),
    });
    expect(notMine.statusCode).toBe(404);
    expect(await count(t, 'inspection', sql`plan_id = ${plan2.planId}`)).toBe(0);
  });

  it('scores with the negative list and refuses submissions to a draft plan', async () => {
    const c = await checklistOf(inspector, setup.planId, setup.pointIds[3]);
    const veto = c.negativeItems.find((n) => n.effect === 'veto')!;
    const body = { ...submission(c, pointOf(3)), negativeItems: [{ negativeItemId: veto.id, note: '严重事件' }] };
    const res = await inspector.inject({ method: 'POST', url: '/api/v1/inspections', payload: body });
    expect(res.json()).toMatchObject({ score: 0, vetoed: true });
    const draft = await publishedPlan(admin, t, { pointIds: [setup.pointIds[4]], members: ['inspector'], draft: true });
    const d = await inspector.inject({
      method: 'POST',
      url: '/api/v1/inspections',
      payload: submission(c, { planId: draft.planId, pointId: setup.pointIds[4] }),
    });
    expect(d.statusCode).toBe(422);
    expect(d.json().error.code).toBe('PLAN_NOT_OPEN');
  });
});

describe('many phones at once', () => {
  it('writes concurrent submissions together: each once, a reused observation id refused alone, the audit chain intact', async () => {
    const pointIds = await insertPoints(t, ['park_square'], 12, await communities(t));
    const plan = await publishedPlan(admin, t, { pointIds, members: ['inspector'] });
    const c = await checklistOf(inspector, plan.planId, pointIds[0]);
    const bodies = pointIds.map((pointId) => submission(c, { planId: plan.planId, pointId }));
    // Submitted a second apart, so the two land on different keys of the partitioned table: only the id claim
    // can catch the reuse.
    const earlier = new Date(Date.parse(bodies[11].submittedAt) - 1000).toISOString();
    const clash = {
      ...bodies[11],
      startedAt: earlier,
      submittedAt: earlier,
      observations: bodies[11].observations.map((o, i) => (i === 0 ? { ...o, id: bodies[10].observations[0].id } : o)),
    };
    const send = (b: object) => inspector.inject({ method: 'POST', url: '/api/v1/inspections', payload: b });
    const answers = await Promise.all([...bodies.slice(0, 11), ...bodies.slice(0, 5), clash].map(send));
    const ok = (a: { statusCode: number }) => a.statusCode === 201 || a.statusCode === 200;
    expect(answers.slice(0, 10).every(ok)).toBe(true);
    expect(answers.slice(11, 16).every(ok)).toBe(true);
    // bodies[10] and the clash share an observation id and race: whichever arrives second is refused, alone.
    const pair = [answers[10], answers[16]];
    expect(pair.filter(ok)).toHaveLength(1);
    const refused = pair.filter((a) => a.statusCode === 409);
    expect(refused).toHaveLength(1);
    expect(refused[0].json().error.code).toBe('OBSERVATION_ID_TAKEN');
    expect(await count(t, 'inspection', sql`plan_id = ${plan.planId}`)).toBe(11);
    expect(
      await count(
        t,
        'inspection_observation',
        sql`inspection_id IN (SELECT id FROM inspection WHERE plan_id = ${plan.planId})`,
      ),
    ).toBe(11 * c.standards.length);
    expect(
      await count(
        t,
        'audit_event',
        sql`action = 'inspection.submit' AND object_id IN (SELECT id::text FROM inspection WHERE plan_id = ${plan.planId})`,
      ),
    ).toBe(11);
    expect((await verifyAuditChain(t.ctx.db, t.tenantId)).ok).toBe(true);
  });
});
