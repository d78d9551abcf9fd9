import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('platform endpoints', () => {
  it('logs in and reads /me and the region tree', async () => {
    const s = await t.login('admin');
    const me = await s.inject({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    const tree = await s.inject({ method: 'GET', url: '/api/v1/regions/tree?depth=1' });
    expect(tree.statusCode).toBe(200);
    expect(tree.json()[0].name).toBe('示范市');
  });

  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('describes every route in /api/openapi.json and serves the docs page', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/api/v1/auth/login',
      '/api/v1/me',
      '/api/v1/regions/tree',
      '/api/v1/units',
      '/api/v1/people',
      '/api/v1/audit-events',
      '/api/v1/jobs/{id}',
    ])
      expect(paths).toContain(p);
    const routes = t.app.printRoutes({ commonPrefix: false });
    expect(routes).toContain('units');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/html/);
  });

  it('answers unknown API paths with the error shape', async () => {
    const s = await t.login('admin');
    const res = await s.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect(res.json().error.requestId).toBeTruthy();
  });
});
