// Issue 13, holes 7 and 8: logout is audited; a password change ends the account's other sessions and keeps the
// one that made the change.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestApp, createTestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 300_000);
afterAll(() => t?.close());

const me = (s: { inject: (o: any) => Promise<{ statusCode: number }> }) =>
  s.inject({ method: 'GET', url: '/api/v1/me' }).then((r) => r.statusCode);

describe('sessions (issue 13)', () => {
  it('ends the other sessions of the account on a password change, and keeps the current one', async () => {
    const phone = await t.login('inspector');
    const desktop = await t.login('inspector');
    const other = await t.login('grid_worker');
    const next = 'Xinmima-2026!';
    const res = await desktop.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: DEMO_PASSWORD, newPassword: next },
    });
    expect(res.statusCode).toBe(200);
    expect(await me(desktop)).toBe(200);
    expect(await me(phone)).toBe(401);
    // Another account's session is untouched.
    expect(await me(other)).toBe(200);
    // The new password signs in; the audit event says how many sessions ended.
    expect(await me(await t.login('inspector', next))).toBe(200);
    const [ev] = await t.database.query<{ after: any }>(
      sql`SELECT after FROM audit_event WHERE tenant_id = ${t.tenantId} AND action = 'auth.password_changed'
        ORDER BY seq DESC LIMIT 1`,
    );
    const after = typeof ev.after === 'string' ? JSON.parse(ev.after) : ev.after;
    expect(after.otherSessionsEnded).toBe(1);
  });

  it('audits a logout with the account that signed out', async () => {
    const s = await t.login('admin');
    const [account] = await t.database.query<{ id: string }>(
      sql`SELECT id FROM account WHERE tenant_id = ${t.tenantId} AND username = 'admin'`,
    );
    const count = async () =>
      (
        await t.database.query<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM audit_event WHERE tenant_id = ${t.tenantId} AND action = 'auth.logout'
            AND actor_id = ${account.id} AND object_id = ${account.id}`,
        )
      )[0].n;
    const before = await count();
    expect((await s.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200);
    expect(await count()).toBe(before + 1);
    expect(await me(s)).toBe(401);
  });
});
