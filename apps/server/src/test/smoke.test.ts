import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('smoke', () => {
  it('logs in and reads /me and the region tree', async () => {
    const s = await t.login('admin');
    const me = await s.inject({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    const tree = await s.inject({ method: 'GET', url: '/api/v1/regions/tree?depth=1' });
    expect(tree.statusCode).toBe(200);
    expect(tree.json()[0].name).toBe('示范市');
  });
});
