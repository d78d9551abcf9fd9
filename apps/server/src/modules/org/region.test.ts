import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('regions', () => {
  it('401 without a session, 400 naming a bad code', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/regions/tree' })).statusCode).toBe(401);
    const s = await t.login('admin');
    const res = await s.inject({
      method: 'POST',
      url: '/api/v1/regions',
      payload: { code: 'abc', name: 'x', parentCode: '620302001' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toEqual({ field: 'code', message: '代码：不是有效的行政区划代码' });
  });

  it('returns a nested tree with child counts to the requested depth', async () => {
    const s = await t.login('admin');
    const tree = (await s.inject({ method: 'GET', url: '/api/v1/regions/tree?root=620302&depth=2' })).json();
    expect(tree).toHaveLength(1);
    const district = tree[0];
    expect(district).toMatchObject({ code: '620302', name: '金川区', level: 'county' });
    expect(district.children.length).toBe(district.childCount);
    const street = district.children.find((c: any) => c.code === '620302001');
    expect(street.children.length).toBeGreaterThan(0);
    expect(street.children[0].children).toEqual([]);
    expect(street.children[0].level).toBe('village');
  });

  it('searches by name, pinyin initials and Traditional script', async () => {
    const s = await t.login('admin');
    const byName = (await s.inject({ method: 'GET', url: `/api/v1/regions?q=${encodeURIComponent('滨河路')}` })).json();
    expect(byName.items[0].code).toBe('620302001');
    const byInitials = (await s.inject({ method: 'GET', url: '/api/v1/regions?q=bhljd' })).json();
    expect(byInitials.items.map((r: any) => r.code)).toContain('620302001');
    const traditional = (
      await s.inject({ method: 'GET', url: `/api/v1/regions?q=${encodeURIComponent('濱河路')}` })
    ).json();
    expect(traditional.items.map((r: any) => r.code)).toContain('620302001');
  });

  it('lets any signed-in account look a community up by name, with the regions above it', async () => {
    const resident = await t.login('resident');
    const found = await resident.inject({
      method: 'GET',
      url: `/api/v1/regions/lookup?q=${encodeURIComponent('滨河路')}`,
    });
    expect(found.statusCode).toBe(200);
    const places = found.json();
    const street = places.find((p: any) => p.code === '620302001');
    expect(street).toMatchObject({ name: expect.stringContaining('滨河路'), level: 'township' });
    expect(street.within).toMatch(/金川区$/);
    // By code prefix, deepest first: the street's communities before the street.
    const byCode = (
      await resident.inject({ method: 'GET', url: '/api/v1/regions/lookup?q=620302001&limit=20' })
    ).json();
    expect(byCode.map((p: any) => p.code)).toContain('620302001001');
    expect(byCode.at(-1).code).toBe('620302001');
    expect(byCode.find((p: any) => p.code === '620302001001').within).toContain(street.name);
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/regions/lookup?q=bhl' });
    expect(anon.statusCode).toBe(401);
    const empty = await resident.inject({
      method: 'GET',
      url: '/api/v1/regions/lookup?q=',
      headers: { 'x-wenming-lang': 'zh-CN' },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details.fields[0].field).toBe('q');
  });

  it('adds, renames, merges and retires regions, keeping history and audit', async () => {
    const s = await t.login('district_admin');
    const add = await s.inject({
      method: 'POST',
      url: '/api/v1/regions',
      payload: { code: '620302001099', name: '新建社区', parentCode: '620302001' },
    });
    expect(add.statusCode).toBe(201);
    expect(add.json().level).toBe('village');
    const dup = await s.inject({
      method: 'POST',
      url: '/api/v1/regions',
      payload: { code: '620302001099', name: '重复', parentCode: '620302001' },
    });
    expect(dup.statusCode).toBe(409);
    const ren = await s.inject({
      method: 'POST',
      url: '/api/v1/regions/620302001099/rename',
      payload: { name: '和谐社区', reason: '更名' },
    });
    expect(ren.json().name).toBe('和谐社区');
    // A unit in the community moves with the merge.
    const unit = await s.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { name: '和谐社区居委会', type: 'community', regionCode: '620302001099' },
    });
    const merge = await s.inject({
      method: 'POST',
      url: '/api/v1/regions/620302001099/merge',
      payload: { intoCode: '620302001001', reason: '撤并' },
    });
    expect(merge.statusCode).toBe(200);
    expect(merge.json().moved.unit).toBe(1);
    expect((await s.inject({ method: 'GET', url: `/api/v1/units/${unit.json().id}` })).json().regionCode).toBe(
      '620302001001',
    );
    const detail = (await s.inject({ method: 'GET', url: '/api/v1/regions/620302001099' })).json();
    expect(detail.status).toBe('retired');
    expect(detail.history.map((h: any) => h.action)).toEqual(['create', 'rename', 'merge']);
    expect(detail.history[1].before).toEqual({ name: '新建社区' });
    // Retired regions leave the tree but keep their code.
    const tree = (await s.inject({ method: 'GET', url: '/api/v1/regions/tree?root=620302001&depth=1' })).json();
    expect(tree[0].children.map((c: any) => c.code)).not.toContain('620302001099');
    const retireParent = await s.inject({ method: 'POST', url: '/api/v1/regions/620302001/retire', payload: {} });
    expect(retireParent.statusCode).toBe(422);
    expect(retireParent.json().error.code).toBe('REGION_HAS_CHILDREN');
    const audit = await (await t.login('auditor')).inject({
      method: 'GET',
      url: '/api/v1/audit-events?objectType=region&objectId=620302001099',
    });
    expect(
      audit
        .json()
        .items.map((e: any) => e.action)
        .sort(),
    ).toEqual(['region.create', 'region.merge', 'region.rename']);
  });

  it('serves the tree from the cache until a region changes, through the API or behind its back', async () => {
    const s = await t.login('admin');
    const read = async () =>
      (await s.inject({ method: 'GET', url: '/api/v1/regions/tree?root=620302002&depth=1' })).json()[0];
    const before = await read();
    expect((await read()).name).toBe(before.name);
    await s.inject({ method: 'POST', url: '/api/v1/regions/620302002/rename', payload: { name: '缓存测试街道' } });
    expect((await read()).name).toBe('缓存测试街道');
    // Another process (here: plain SQL) changing a region bumps the version too.
    const child = before.children[0].code;
    await t.database.query(
      sql`UPDATE region SET name = '另一进程改名' WHERE tenant_id = ${t.tenantId} AND code = ${child}`,
    );
    expect((await read()).children.find((c: any) => c.code === child).name).toBe('另一进程改名');
    // A district office sees its own district only, whatever another scope cached before.
    expect((await s.inject({ method: 'GET', url: '/api/v1/regions/tree?root=620321&depth=1' })).statusCode).toBe(200);
    const d = await t.login('district_admin');
    expect((await d.inject({ method: 'GET', url: '/api/v1/regions/tree?root=620321&depth=1' })).statusCode).toBe(404);
  });

  it('refuses edits outside the scope with 404', async () => {
    const s = await t.login('district_admin');
    expect(
      (await s.inject({ method: 'POST', url: '/api/v1/regions/620321100/rename', payload: { name: 'x' } })).statusCode,
    ).toBe(404);
    const i = await t.login('inspector');
    expect(
      (await i.inject({ method: 'POST', url: '/api/v1/regions/620302001/rename', payload: { name: 'x' } })).statusCode,
    ).toBe(403);
  });
});
