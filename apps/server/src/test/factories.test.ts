// The factories build a small tenant of its own, and the scope rules hold on it as on the demo city: an office
// admin of one district sees its units and not another district's; a unit liaison sees only their unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factoriesOf } from './factories';
import { type TestApp, createTestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { demo: false });
}, 120_000);
afterAll(() => t?.close());

describe('test factories', () => {
  it('start from an empty tenant and build regions, units and accounts whose scopes hold', async () => {
    const make = factoriesOf(t);
    const admin = await make.account('office_admin', { kind: 'all' });
    const empty = (await (await admin.login()).inject({ method: 'GET', url: '/api/v1/units' })).json();
    expect(empty.total).toBe(0);

    expect(await make.regions('620302', '金川区')).toBeGreaterThan(1);
    expect(await make.regions('620321', '永昌县')).toBeGreaterThan(1);
    const office = await make.unit({ name: '金川区文明办', regionCode: '620302' });
    await make.unit({ name: '永昌县文明办', regionCode: '620321' });

    const district = await (await make.account('office_admin', { kind: 'region', ref: '620302' })).login();
    const seen = (await district.inject({ method: 'GET', url: '/api/v1/units' })).json();
    expect(seen.items.map((u: { name: string }) => u.name)).toEqual(['金川区文明办']);

    const liaison = await (await make.account('unit_liaison', { kind: 'unit', ref: office })).login();
    const own = (await liaison.inject({ method: 'GET', url: '/api/v1/units' })).json();
    expect(own.items.map((u: { id: string }) => u.id)).toEqual([office]);

    const all = (await (await admin.login()).inject({ method: 'GET', url: '/api/v1/units' })).json();
    expect(all.total).toBe(2);
  });
});
