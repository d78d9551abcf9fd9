import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { outline } from './framework-test-helpers';

let t: TestApp;
let admin: Session;
const api = '/api/v1/frameworks';
const missing = '01900000-0000-7000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t?.close());

async function newDraft(code: string, extra: Record<string, unknown> = {}) {
  const res = await admin.inject({ method: 'POST', url: api, payload: { name: `测试体系${code}`, code, ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function addNode(fwId: string, body: Record<string, unknown>) {
  const res = await admin.inject({ method: 'POST', url: `${api}/${fwId}/indicators`, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('frameworks: access and validation', () => {
  it('401 without sign-in, 403 without the permission, 404 for an unknown id, 400 for a bad body', async () => {
    expect((await t.app.inject({ method: 'GET', url: api })).statusCode).toBe(401);
    const volunteer = await t.login('volunteer');
    expect((await volunteer.inject({ method: 'GET', url: api })).statusCode).toBe(403);
    const inspector = await t.login('inspector');
    expect((await inspector.inject({ method: 'GET', url: api })).statusCode).toBe(200);
    const create = await inspector.inject({ method: 'POST', url: api, payload: { name: 'x', code: 'X1' } });
    expect(create.statusCode).toBe(403);
    const notFound = await admin.inject({ method: 'GET', url: `${api}/${missing}` });
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json().error.code).toBe('FRAMEWORK_NOT_FOUND');
    const bad = await admin.inject({ method: 'POST', url: api, payload: { name: '', code: '有 空格' } });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.fields.map((f: any) => f.field)
        .sort(),
    ).toEqual(['code', 'name']);
    const badNode = await admin.inject({
      method: 'POST',
      url: `${api}/${missing}/indicators`,
      payload: { name: 'x', methods: ['telepathy'] },
    });
    expect(badNode.statusCode).toBe(400);
  });
});

describe('frameworks: drafts', () => {
  it('creates an empty draft, builds a tree, reorders and reparents, edits and deletes nodes', async () => {
    const fw = await newDraft('T-TREE', { totalPoints: 10 });
    expect(fw).toMatchObject({ status: 'draft', version: 1, indicatorCount: 0, familyId: fw.id });
    const a = await addNode(fw.id, { name: '项目甲', points: 6 });
    const b = await addNode(fw.id, { name: '项目乙', points: 4 });
    const a1 = await addNode(fw.id, { parentId: a.id, name: '标准一', points: 3, methods: ['field', 'document'] });
    await addNode(fw.id, { parentId: a.id, name: '标准二', points: 3, pointTypes: ['market'] });
    const b1 = await addNode(fw.id, {
      parentId: b.id,
      name: '标准三',
      points: 4,
      scoringRule: { kind: 'deduct', perFinding: 0.5 },
    });
    expect([a.code, a1.code, b1.code, b1.depth]).toEqual(['1', '1.1', '2.1', 2]);
    const move = await admin.inject({
      method: 'POST',
      url: `${api}/${fw.id}/indicators/${b.id}/move`,
      payload: { parentId: null, position: 0 },
    });
    expect(move.statusCode, move.body).toBe(200);
    const reparent = await admin.inject({
      method: 'POST',
      url: `${api}/${fw.id}/indicators/${a1.id}/move`,
      payload: { parentId: b.id, position: 0 },
    });
    expect(reparent.json()).toMatchObject({ parentId: b.id, position: 0, depth: 2 });
    const cycle = await admin.inject({
      method: 'POST',
      url: `${api}/${fw.id}/indicators/${b.id}/move`,
      payload: { parentId: a1.id, position: 0 },
    });
    expect(cycle.statusCode).toBe(422);
    const edit = await admin.inject({
      method: 'PATCH',
      url: `${api}/${fw.id}/indicators/${a1.id}`,
      payload: { name: '标准一（改）', points: 2 },
    });
    expect(edit.json()).toMatchObject({ name: '标准一（改）', points: 2, methods: ['field', 'document'] });
    const del = await admin.inject({ method: 'DELETE', url: `${api}/${fw.id}/indicators/${b1.id}` });
    expect(del.statusCode).toBe(204);
    const tree = (await admin.inject({ method: 'GET', url: `${api}/${fw.id}/indicators` })).json();
    expect(outline(tree)).toEqual(['2 项目乙 4', '  1.1 标准一（改） 2', '1 项目甲 6', '  1.2 标准二 3']);
    expect(tree[0].children[0].position).toBe(0);
    const taken = await admin.inject({
      method: 'POST',
      url: `${api}/${fw.id}/indicators`,
      payload: { name: 'x', code: '1' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('INDICATOR_CODE_TAKEN');
  });

  it('edits meta with a version check, keeps a negative list, and audits each change', async () => {
    const fw = await newDraft('T-META');
    const stale = await admin.inject({
      method: 'PATCH',
      url: `${api}/${fw.id}`,
      payload: { name: 'x', rowVersion: 99 },
    });
    expect(stale.statusCode).toBe(409);
    const ok = await admin.inject({
      method: 'PATCH',
      url: `${api}/${fw.id}`,
      payload: { name: '改名后的体系', complianceLine: 0.8, rowVersion: fw.rowVersion },
    });
    expect(ok.json()).toMatchObject({ name: '改名后的体系', complianceLine: 0.8 });
    const noPoints = await admin.inject({
      method: 'POST',
      url: `${api}/${fw.id}/negative-items`,
      payload: { name: '弄虚作假', effect: 'deduct' },
    });
    expect(noPoints.statusCode).toBe(400);
    const veto = await admin.inject({
      method: 'POST',
      url: `${api}/${fw.id}/negative-items`,
      payload: { name: '发生重大事件', effect: 'veto' },
    });
    expect(veto.json()).toMatchObject({ code: 'N1', effect: 'veto', deduction: null });
    const changed = await admin.inject({
      method: 'PATCH',
      url: `${api}/${fw.id}/negative-items/${veto.json().id}`,
      payload: { effect: 'deduct', deduction: 5 },
    });
    expect(changed.json()).toMatchObject({ effect: 'deduct', deduction: 5 });
    const list = (await admin.inject({ method: 'GET', url: `${api}/${fw.id}/negative-items` })).json();
    expect(list).toHaveLength(1);
    const found = (await admin.inject({ method: 'GET', url: `${api}?q=${encodeURIComponent('改名')}` })).json();
    expect(found.items.map((f: any) => f.id)).toContain(fw.id);
    const audit = await t.ctx.db.execute(sql`SELECT action FROM audit_event WHERE tenant_id = ${t.tenantId}
      AND (object_id = ${fw.id} OR object_id = ${veto.json().id}) ORDER BY seq`);
    expect(audit.rows.map((r: any) => r.action)).toEqual([
      'framework.create',
      'framework.update',
      'negative_item.create',
      'negative_item.update',
    ]);
  });
});

describe('frameworks: publishing', () => {
  it('422 lists the nodes whose points do not add up; publishing makes the version immutable (409)', async () => {
    const fw = await newDraft('T-PUB');
    const empty = await admin.inject({ method: 'POST', url: `${api}/${fw.id}/publish` });
    expect(empty.statusCode).toBe(422);
    const a = await addNode(fw.id, { name: '项目', points: 10 });
    await addNode(fw.id, { parentId: a.id, name: '标准甲', points: 6 });
    const b = await addNode(fw.id, { parentId: a.id, name: '标准乙', points: 3 });
    const mismatch = await admin.inject({ method: 'POST', url: `${api}/${fw.id}/publish` });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error).toMatchObject({
      code: 'FRAMEWORK_POINTS_MISMATCH',
      details: { nodes: [{ code: '1', name: '项目', points: 10, childrenSum: 9 }] },
    });
    await admin.inject({ method: 'PATCH', url: `${api}/${fw.id}/indicators/${b.id}`, payload: { points: 4 } });
    const published = await admin.inject({ method: 'POST', url: `${api}/${fw.id}/publish` });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', totalPoints: 10, leafCount: 2 });
    const edits = [
      { method: 'PATCH', url: `${api}/${fw.id}`, payload: { name: 'x' } },
      { method: 'POST', url: `${api}/${fw.id}/indicators`, payload: { name: 'x' } },
      { method: 'PATCH', url: `${api}/${fw.id}/indicators/${b.id}`, payload: { points: 1 } },
      { method: 'DELETE', url: `${api}/${fw.id}/indicators/${b.id}` },
      { method: 'POST', url: `${api}/${fw.id}/indicators/${b.id}/move`, payload: { parentId: null, position: 0 } },
      { method: 'POST', url: `${api}/${fw.id}/negative-items`, payload: { name: 'x', effect: 'veto' } },
      { method: 'POST', url: `${api}/${fw.id}/publish` },
      { method: 'DELETE', url: `${api}/${fw.id}` },
    ] as const;
    for (const e of edits) {
      const res = await admin.inject(e as any);
      expect([e.method, e.url, res.statusCode]).toEqual([e.method, e.url, 409]);
      expect(res.json().error.code).toBe('FRAMEWORK_NOT_DRAFT');
      expect(res.json().error.message).toMatch(/派生新版本/);
    }
  });

  it('deletes a draft but not a published version', async () => {
    const fw = await newDraft('T-DEL');
    expect((await admin.inject({ method: 'DELETE', url: `${api}/${fw.id}` })).statusCode).toBe(204);
    expect((await admin.inject({ method: 'GET', url: `${api}/${fw.id}` })).statusCode).toBe(404);
  });
});
