import { computeUsccCheck } from '@wenming/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const body17 = '12620300MB0123456';
const uscc = body17 + computeUsccCheck(body17);

describe('units', () => {
  it('validates the credit code check character (400 naming creditCode)', async () => {
    const s = await t.login('admin');
    const bad = body17 + (uscc[17] === '0' ? '1' : '0');
    const res = await s.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { name: '某局', type: 'organ', regionCode: '620302', creditCode: bad },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('creditCode');
    expect(res.json().error.details.fields[0].message).toMatch(/统一社会信用代码/);
  });

  it('creates, finds by 團結/pinyin/credit code, and refuses a taken credit code', async () => {
    const s = await t.login('admin');
    const res = await s.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: {
        name: '团结街道办事处',
        type: 'organ',
        regionCode: '620302',
        creditCode: uscc,
        contactPhone: '13900001111',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().contactPhone).toBe('139****1111');
    for (const q of ['團結', 'tjjd', uscc]) {
      const list = (await s.inject({ method: 'GET', url: `/api/v1/units?q=${encodeURIComponent(q)}` })).json();
      expect(list.items.map((u: any) => u.name)).toContain('团结街道办事处');
    }
    const dup = await s.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { name: '另一个', type: 'organ', regionCode: '620302', creditCode: uscc },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('UNIT_CREDIT_CODE_TAKEN');
  });

  it('pages lists in the SPEC shape', async () => {
    const s = await t.login('admin');
    const p1 = (await s.inject({ method: 'GET', url: '/api/v1/units?page=1&pageSize=5' })).json();
    const p2 = (await s.inject({ method: 'GET', url: '/api/v1/units?page=2&pageSize=5' })).json();
    expect(p1).toMatchObject({ page: 1, pageSize: 5 });
    expect(p1.items).toHaveLength(5);
    expect(p1.total).toBeGreaterThan(5);
    expect(p2.items[0].id).not.toBe(p1.items[0].id);
    expect((await s.inject({ method: 'GET', url: '/api/v1/units?pageSize=100000' })).statusCode).toBe(400);
  });
});
