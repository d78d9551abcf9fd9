import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestApp, createTestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('auth', () => {
  it('answers 401 to /me without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    expect(res.json().error.message).toBe('请先登录');
  });

  it('answers 400 naming the missing field, in the requested language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin' },
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([{ field: 'password', message: 'password required' }]);
  });

  it('signs in with an HttpOnly SameSite=Lax cookie and returns the csrf token', async () => {
    const res = await login('admin', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const body = res.json();
    expect(body.csrfToken).toMatch(/.{20,}/);
    expect(body.user.permissions).toContain('unit.manage');
    // The stored session keeps only a hash of the token.
    const token = res.cookies.find((c) => c.name === 'wm_session')!.value.split('.')[1];
    const rows = await t.database.query<{ token_hash: string }>(sql`SELECT token_hash FROM session`);
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
  });

  it('refuses a cookie-authenticated write without the CSRF header (403) and accepts it with', async () => {
    const s = await t.login('admin');
    const body = { name: '无令牌单位', type: 'organ', regionCode: '620302' };
    const without = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: body,
      headers: { cookie: s.cookie },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: body,
      headers: { cookie: s.cookie, 'x-csrf-token': 'nope' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await s.inject({ method: 'POST', url: '/api/v1/units', payload: body });
    expect(ok.statusCode).toBe(201);
  });

  it('locks a username after 5 failures for 15 minutes, the same way whether or not it exists', async () => {
    for (const name of ['volunteer', 'no_such_user']) {
      const answers: number[] = [];
      for (let i = 0; i < 5; i++) answers.push((await login(name, 'wrong-password')).statusCode);
      expect(answers).toEqual([401, 401, 401, 401, 423]);
      const locked = await login(name, name === 'volunteer' ? DEMO_PASSWORD : 'x');
      expect(locked.statusCode).toBe(423);
      expect(locked.json().error.code).toBe('AUTH_ACCOUNT_LOCKED');
      expect(locked.json().error.message).toContain('15');
      const until = new Date(locked.json().error.details.lockedUntil).getTime();
      expect(until - Date.now()).toBeGreaterThan(14 * 60_000);
    }
    // secadmin lifts the lock
    const sec = await t.login('secadmin');
    const accounts = await sec.inject({ method: 'GET', url: '/api/v1/accounts?q=volunteer' });
    const v = accounts.json().items.find((a: any) => a.username === 'volunteer');
    expect(v.isLocked).toBe(true);
    expect((await sec.inject({ method: 'POST', url: `/api/v1/accounts/${v.id}/unlock` })).statusCode).toBe(200);
    expect((await login('volunteer', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('forces a new account to change its initial password, with the policy enforced', async () => {
    const sys = await t.login('sysadmin');
    const created = await sys.inject({
      method: 'POST',
      url: '/api/v1/accounts',
      payload: { username: 'new_officer', displayName: '新同事', initialPassword: 'Initial#2026x' },
    });
    expect(created.statusCode).toBe(201);
    const s = await t.login('new_officer', 'Initial#2026x');
    const me = await s.inject({ method: 'GET', url: '/api/v1/me' });
    expect(me.json().user.mustChangePassword).toBe(true);
    const blocked = await s.inject({ method: 'GET', url: '/api/v1/regions/tree' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    const weak = await s.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'Initial#2026x', newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.fields[0].field).toBe('newPassword');
    const ok = await s.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'Initial#2026x', newPassword: 'Better#Pass2026' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await s.inject({ method: 'GET', url: '/api/v1/me' })).json().user.mustChangePassword).toBe(false);
  });

  it('expires an idle session', async () => {
    const s = await t.login('admin');
    await t.database.query(sql`UPDATE session SET last_seen_at = now() - interval '31 minutes'`);
    const res = await s.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
  });

  it('expires a session past its absolute lifetime', async () => {
    const s = await t.login('admin');
    await t.database.query(sql`UPDATE session SET expires_at = now() - interval '1 second'`);
    expect((await s.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('logs out', async () => {
    const s = await t.login('admin');
    expect((await s.inject({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(200);
    expect((await s.inject({ method: 'GET', url: '/api/v1/me' })).statusCode).toBe(401);
  });

  it('keeps sysadmin, secadmin and auditor apart (三员分立)', async () => {
    const sec = await t.login('secadmin');
    const list = await sec.inject({ method: 'GET', url: '/api/v1/accounts?q=auditor' });
    const auditor = list.json().items.find((a: any) => a.username === 'auditor');
    const res = await sec.inject({
      method: 'POST',
      url: `/api/v1/accounts/${auditor.id}/roles`,
      payload: { role: 'sysadmin', scopeKind: 'all' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('ROLE_SEPARATION_VIOLATION');
    // Nor a business role (issue 13): the auditor stays an auditor only.
    const other = await sec.inject({
      method: 'POST',
      url: `/api/v1/accounts/${auditor.id}/roles`,
      payload: { role: 'resident', scopeKind: 'own' },
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().error.code).toBe('ROLE_ADMIN_BUSINESS_MIX');
  });
});
