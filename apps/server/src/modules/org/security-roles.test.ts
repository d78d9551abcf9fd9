// Issue 13, hole 1: 三员分立. The three admin accounts (sysadmin, secadmin, auditor) never hold a business role,
// an account holding a business role never becomes one of them, and nobody grants a role to themself. Each refusal
// is a catalogued error in the user's language and leaves the grants as they were.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';

let t: TestApp;
let sec: Session;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  sec = await t.login('secadmin');
  const rows = await t.database.query<{ id: string; username: string }>(
    sql`SELECT id, username FROM account WHERE tenant_id = ${t.tenantId}`,
  );
  for (const r of rows) ids[r.username] = r.id;
}, 300_000);
afterAll(() => t?.close());

const grant = (accountId: string, body: object, lang = 'zh-CN') =>
  sec.inject({
    method: 'POST',
    url: `/api/v1/accounts/${accountId}/roles`,
    payload: body,
    headers: { 'accept-language': lang },
  });

const rolesOf = async (username: string) =>
  (
    await t.database.query<{ role_code: string }>(
      sql`SELECT role_code FROM role_assignment WHERE tenant_id = ${t.tenantId} AND account_id = ${ids[username]}
        ORDER BY role_code`,
    )
  ).map((r) => r.role_code);

describe('三员分立 and self-grants (issue 13, hole 1)', () => {
  it('refuses secadmin granting itself office_admin over the whole city (403 ROLE_SELF_GRANT)', async () => {
    const res = await grant(ids.secadmin, { role: 'office_admin', scopeKind: 'all' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ROLE_SELF_GRANT');
    expect(res.json().error.message).toBe('不能给自己授予角色');
    expect(await rolesOf('secadmin')).toEqual(['secadmin']);
    // The same in the other two languages.
    expect((await grant(ids.secadmin, { role: 'resident', scopeKind: 'own' }, 'en')).json().error.message).toBe(
      'You cannot grant a role to yourself',
    );
    expect((await grant(ids.secadmin, { role: 'resident', scopeKind: 'own' }, 'zh-TW')).json().error.message).toBe(
      '不能給自己授予角色',
    );
    expect(await rolesOf('secadmin')).toEqual(['secadmin']);
  });

  it('refuses a business role to the auditor and to the sysadmin (422 ROLE_ADMIN_BUSINESS_MIX)', async () => {
    for (const admin of ['auditor', 'sysadmin']) {
      const res = await grant(ids[admin], { role: 'office_admin', scopeKind: 'all' });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('ROLE_ADMIN_BUSINESS_MIX');
      expect(res.json().error.message).toBe('系统管理员、安全管理员、审计管理员账号不得持有业务角色');
      const resident = await grant(ids[admin], { role: 'resident', scopeKind: 'own' }, 'en');
      expect(resident.statusCode).toBe(422);
      expect(resident.json().error.message).toBe(
        'The sysadmin, secadmin and auditor accounts cannot hold a business role',
      );
      expect(await rolesOf(admin)).toEqual([admin]);
    }
  });

  it('refuses an admin role to an account that holds a business role', async () => {
    for (const role of ['auditor', 'sysadmin', 'secadmin']) {
      const res = await grant(ids.admin, { role, scopeKind: 'all' }, 'zh-TW');
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('ROLE_ADMIN_BUSINESS_MIX');
      expect(res.json().error.message).toBe('系統管理員、安全管理員、稽核管理員帳號不得持有業務角色');
    }
    expect(await rolesOf('admin')).toEqual(['office_admin']);
  });

  it('still keeps two admin roles apart, and still grants business roles to business accounts', async () => {
    const two = await grant(ids.auditor, { role: 'sysadmin', scopeKind: 'all' });
    expect(two.statusCode).toBe(422);
    expect(two.json().error.code).toBe('ROLE_SEPARATION_VIOLATION');
    const ok = await grant(ids.inspector, { role: 'resident', scopeKind: 'own' });
    expect(ok.statusCode).toBe(201);
    expect(await rolesOf('inspector')).toEqual(['inspector', 'resident']);
  });

  it('writes no audit event and no grant for a refused request', async () => {
    const count = async () =>
      (
        await t.database.query<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM audit_event WHERE tenant_id = ${t.tenantId}
            AND action = 'account.role_assigned'`,
        )
      )[0].n;
    const before = await count();
    await grant(ids.secadmin, { role: 'office_admin', scopeKind: 'all' });
    await grant(ids.auditor, { role: 'office_admin', scopeKind: 'all' });
    expect(await count()).toBe(before);
  });
});
