import { type IndicatorNode, checkPointSums } from '@wenming/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp, demoContextOf } from '../../test/harness';
import { seedDemoFrameworks } from './demo/seed-frameworks';
import { countRows, upload } from './framework-test-helpers';

let t: TestApp;
let admin: Session;
const api = '/api/v1/frameworks';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t?.close());

const get = async (url: string) => (await admin.inject({ method: 'GET', url })).json();
const leaves = (nodes: IndicatorNode[]): IndicatorNode[] =>
  nodes.flatMap((n) => (n.children.length ? leaves(n.children) : [n]));

describe('demo frameworks', () => {
  it('the demo tenant has five published frameworks whose points add up', async () => {
    const list = await get(`${api}?status=published&pageSize=50`);
    expect(list.total).toBe(5);
    for (const fw of list.items) {
      const tree = await get(`${api}/${fw.id}/indicators`);
      expect(checkPointSums(tree, fw.totalPoints), fw.name).toEqual([]);
    }
    const byCode = Object.fromEntries(list.items.map((f: any) => [f.code, f]));
    expect(byCode['MZTJ-DEMO'].totalPoints).toBe(100);
    const unityNegatives = await get(`${api}/${byCode['MZTJ-DEMO'].id}/negative-items`);
    expect(unityNegatives.filter((n: any) => n.effect === 'veto').length).toBeGreaterThanOrEqual(1);
    const names = list.items.map((f: any) => f.name).join(' ');
    for (const word of ['文明城市', '民族团结', '五有', '三化', '六有']) expect(names).toContain(word);
  });

  it('the civilized-city one has 7 items, about 60 contents and 110–140 standards over the 11 point types', async () => {
    const fw = (await get(`${api}?code=WMCS-DEMO`)).items[0];
    const tree: IndicatorNode[] = await get(`${api}/${fw.id}/indicators`);
    expect(tree).toHaveLength(7);
    const contents = tree.flatMap((n) => n.children);
    expect(contents.length).toBeGreaterThanOrEqual(55);
    expect(contents.length).toBeLessThanOrEqual(65);
    const standards = leaves(tree);
    expect(standards.length).toBeGreaterThanOrEqual(110);
    expect(standards.length).toBeLessThanOrEqual(140);
    expect(fw.leafCount).toBe(standards.length);
    expect(new Set(standards.flatMap((s) => s.pointTypes)).size).toBe(11);
  });

  it('seeding again changes nothing', async () => {
    const before = await countRows(t);
    await seedDemoFrameworks(demoContextOf(t));
    expect(await countRows(t)).toEqual(before);
  });
});

describe('versions', () => {
  it('derive → a new draft version; diff shows the change; publishing it supersedes the old one', async () => {
    const v1 = (await get(`${api}?code=SH-BGCS-DEMO`)).items[0];
    const draftDerive = await admin.inject({
      method: 'POST',
      url: api,
      payload: { name: '草稿', code: 'T-DRAFT-DERIVE' },
    });
    const fromDraft = await admin.inject({ method: 'POST', url: `${api}/${draftDerive.json().id}/derive` });
    expect(fromDraft.statusCode).toBe(409);
    const res = await admin.inject({ method: 'POST', url: `${api}/${v1.id}/derive` });
    expect(res.statusCode, res.body).toBe(201);
    const v2 = res.json();
    expect(v2).toMatchObject({ familyId: v1.familyId, version: 2, status: 'draft', derivedFrom: v1.id, code: v1.code });
    expect(v2.indicatorCount).toBe(v1.indicatorCount);
    const tree: IndicatorNode[] = await get(`${api}/${v2.id}/indicators`);
    const leaf = tree[0].children[0];
    const top = tree[0];
    await admin.inject({ method: 'PATCH', url: `${api}/${v2.id}/indicators/${leaf.id}`, payload: { points: 12 } });
    await admin.inject({ method: 'PATCH', url: `${api}/${v2.id}/indicators/${top.id}`, payload: { points: 37 } });
    await admin.inject({
      method: 'POST',
      url: `${api}/${v2.id}/indicators`,
      payload: { parentId: tree[2].id, name: '会议室使用后及时整理', points: 0 },
    });
    const diff = await get(`${api}/${v2.id}/diff?against=${v1.id}`);
    expect(diff.from).toMatchObject({ id: v1.id, version: 1 });
    expect(diff.added.map((n: any) => n.code)).toEqual(['3.5']);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((c: any) => [c.code, c.changes])).toEqual([
      ['1', [{ field: 'points', before: 35, after: 37 }]],
      ['1.1', [{ field: 'points', before: 10, after: 12 }]],
    ]);
    const publish = await admin.inject({ method: 'POST', url: `${api}/${v2.id}/publish` });
    expect(publish.statusCode).toBe(422);
    expect(publish.json().error.details.nodes.map((n: any) => n.code)).toEqual([null]);
    await admin.inject({ method: 'PATCH', url: `${api}/${v2.id}`, payload: { totalPoints: 102 } });
    expect((await admin.inject({ method: 'POST', url: `${api}/${v2.id}/publish` })).statusCode).toBe(200);
    const versions = await get(`${api}/${v2.id}/versions`);
    expect(versions.map((v: any) => [v.version, v.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    const v1Edit = await admin.inject({ method: 'PATCH', url: `${api}/${v1.id}`, payload: { name: 'x' } });
    expect(v1Edit.statusCode).toBe(409);
  });

  it('an import with familyId becomes the family’s next version', async () => {
    const fam = (await get(`${api}?code=LY-HSWY-DEMO`)).items[0];
    const exported = await admin.inject({ method: 'GET', url: `${api}/${fam.id}/export.xlsx` });
    const res = await upload(admin, `${api}/import`, exported.rawPayload, { fields: { familyId: fam.familyId } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().version).toBe(2);
    const imported = await get(`${api}/${res.json().id}`);
    expect(imported).toMatchObject({ familyId: fam.familyId, code: fam.code, status: 'draft' });
    const diff = await get(`${api}/${imported.id}/diff?against=${fam.id}`);
    expect([diff.added, diff.removed, diff.changed, diff.negatives.changed]).toEqual([[], [], [], []]);
    const unknown = await upload(admin, `${api}/import`, exported.rawPayload, {
      fields: { familyId: '01900000-0000-7000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
