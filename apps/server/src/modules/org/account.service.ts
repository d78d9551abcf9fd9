import { checkPasswordPolicy, type pageQuery, roleCodes } from '@wenming/contracts';
import { sqlTime } from '../../platform/sql';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, can, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { hashPassword } from '../../platform/passwords';
import { likePattern } from '../../platform/search-text';
import { assertRoleSeparation } from '../auth';

const canSeeAccounts = (actor: Actor) => can(actor, 'account.manage') || can(actor, 'role.manage');

/** Accounts of the tenant with their roles and lock state (sysadmin, secadmin). */
export async function listAccounts(db: Db, actor: Actor, q: z.infer<typeof pageQuery> & { q?: string }) {
  if (!canSeeAccounts(actor)) requirePermission(actor, 'account.manage');
  return queryPage(
    db,
    {
      columns: sql`a.id, a.username, a.display_name, a.person_id, a.is_demo, a.must_change_password, a.is_disabled,
        (l.locked_until IS NOT NULL AND l.locked_until > ${sqlTime(actor.now)}) AS is_locked,
        COALESCE((SELECT json_agg(json_build_object('id', ra.id, 'role', ra.role_code, 'scopeKind', ra.scope_kind,
          'scopeRef', ra.scope_ref, 'scopeName', COALESCE(rg.name, u.name, ps.name)) ORDER BY ra.created_at)
          FROM role_assignment ra
          LEFT JOIN region rg ON ra.scope_kind = 'region' AND rg.tenant_id = ra.tenant_id AND rg.code = ra.scope_ref
          LEFT JOIN unit u ON u.tenant_id = ra.tenant_id AND u.id = CASE WHEN ra.scope_kind = 'unit' THEN ra.scope_ref::uuid END
          LEFT JOIN practice_site ps ON ps.tenant_id = ra.tenant_id AND ps.id = CASE WHEN ra.scope_kind = 'site' THEN ra.scope_ref::uuid END
          WHERE ra.tenant_id = a.tenant_id AND ra.account_id = a.id), '[]'::json) AS roles`,
      from: sql`account a LEFT JOIN login_lock l ON l.tenant_id = a.tenant_id AND l.username = a.username`,
      where: allOf(
        sql`a.tenant_id = ${actor.tenantId}`,
        q.q ? sql`(lower(a.username) LIKE ${likePattern(q.q)} OR a.display_name LIKE ${likePattern(q.q)})` : null,
      ),
      orderBy: sql`a.username`,
    },
    q,
    (r: any) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      personId: r.person_id,
      isDemo: r.is_demo,
      isLocked: r.is_locked,
      isDisabled: r.is_disabled,
      mustChangePassword: r.must_change_password,
      roles: typeof r.roles === 'string' ? JSON.parse(r.roles) : r.roles,
    }),
  );
}

async function getAccountRow(db: Db, actor: Actor, id: string) {
  const res = await db.execute(
    sql`SELECT id, username FROM account WHERE tenant_id = ${actor.tenantId} AND id = ${id}`,
  );
  if (!res.rows[0]) throw fail('ACCOUNT_NOT_FOUND');
  return res.rows[0] as { id: string; username: string };
}

/** Create an account with an initial password that must be changed at first sign-in. */
export async function createAccount(
  db: Db,
  actor: Actor,
  b: { username: string; displayName: string; personId?: string | null; initialPassword: string },
) {
  requirePermission(actor, 'account.manage');
  if (checkPasswordPolicy(b.initialPassword))
    throw fail('PASSWORD_POLICY', { fieldKeys: [{ field: 'initialPassword', key: 'password_policy' }] });
  const id = newId();
  const hash = await hashPassword(b.initialPassword);
  await db.transaction(async (tx) => {
    const res =
      await tx.execute(sql`INSERT INTO account (tenant_id, id, username, display_name, person_id, password_hash, must_change_password)
      VALUES (${actor.tenantId}, ${id}, ${b.username}, ${b.displayName}, ${b.personId ?? null}, ${hash}, true)
      ON CONFLICT DO NOTHING RETURNING id`);
    if (!res.rows.length) throw fail('USERNAME_TAKEN', { fieldKeys: [{ field: 'username', key: 'taken' }] });
    await writeAudit(tx, actor, {
      action: 'account.create',
      objectType: 'account',
      objectId: id,
      after: { username: b.username, displayName: b.displayName },
    });
  });
  return { id, username: b.username, displayName: b.displayName, mustChangePassword: true };
}

async function assertScopeRef(db: Db, actor: Actor, kind: string, ref: string | null | undefined) {
  if (kind === 'all' || kind === 'own') return null;
  if (!ref) throw fail('VALIDATION_FAILED', { fieldKeys: [{ field: 'scopeRef', key: 'required' }] });
  const table = {
    region: sql`region WHERE code = ${ref}`,
    unit: sql`unit WHERE id::text = ${ref}`,
    site: sql`practice_site WHERE id::text = ${ref}`,
  }[kind as 'region' | 'unit' | 'site'];
  if (table) {
    const res = await db.execute(sql`SELECT 1 FROM ${table} AND tenant_id = ${actor.tenantId}`);
    if (!res.rows.length) throw fail('VALIDATION_FAILED', { fieldKeys: [{ field: 'scopeRef', key: 'invalid_value' }] });
  }
  return ref;
}

/** Grant a role bound to a data scope; 三员分立 is enforced. */
export async function assignRole(
  db: Db,
  actor: Actor,
  accountId: string,
  b: { role: string; scopeKind: string; scopeRef?: string | null },
) {
  requirePermission(actor, 'role.manage');
  await getAccountRow(db, actor, accountId);
  // Nobody grants a role to themself (a secadmin would otherwise make itself a city office).
  if (accountId === actor.accountId) throw fail('ROLE_SELF_GRANT');
  if (!(roleCodes as readonly string[]).includes(b.role))
    throw fail('VALIDATION_FAILED', { fieldKeys: [{ field: 'role', key: 'invalid_value' }] });
  const ref = await assertScopeRef(db, actor, b.scopeKind, b.scopeRef);
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT id FROM account WHERE tenant_id = ${actor.tenantId} AND id = ${accountId} FOR UPDATE`);
    await assertRoleSeparation(tx, actor.tenantId, accountId, b.role);
    await tx.execute(sql`INSERT INTO role_assignment (tenant_id, id, account_id, role_code, scope_kind, scope_ref)
      VALUES (${actor.tenantId}, ${id}, ${accountId}, ${b.role}, ${b.scopeKind}, ${ref})`);
    await writeAudit(tx, actor, {
      action: 'account.role_assigned',
      objectType: 'account',
      objectId: accountId,
      after: { id, ...b, scopeRef: ref },
    });
  });
  return { id, role: b.role, scopeKind: b.scopeKind, scopeRef: ref };
}

export async function revokeRole(db: Db, actor: Actor, accountId: string, assignmentId: string) {
  requirePermission(actor, 'role.manage');
  await db.transaction(async (tx) => {
    const res =
      await tx.execute(sql`DELETE FROM role_assignment WHERE tenant_id = ${actor.tenantId} AND account_id = ${accountId}
      AND id = ${assignmentId} RETURNING role_code, scope_kind, scope_ref`);
    if (!res.rows.length) throw fail('ROLE_ASSIGNMENT_NOT_FOUND');
    await writeAudit(tx, actor, {
      action: 'account.role_revoked',
      objectType: 'account',
      objectId: accountId,
      before: res.rows[0],
    });
  });
  return { ok: true };
}

/** Lift a sign-in lockout (secadmin). */
export async function unlockAccount(db: Db, actor: Actor, accountId: string) {
  requirePermission(actor, 'account.unlock');
  const a = await getAccountRow(db, actor, accountId);
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM login_lock WHERE tenant_id = ${actor.tenantId} AND username = ${a.username}`);
    await writeAudit(tx, actor, { action: 'account.unlocked', objectType: 'account', objectId: accountId });
  });
  return { ok: true };
}

export async function listRoles(db: Db, actor: Actor) {
  if (!canSeeAccounts(actor)) requirePermission(actor, 'role.manage');
  const res = await db.execute(
    sql`SELECT code, name, permissions FROM role WHERE tenant_id = ${actor.tenantId} ORDER BY code`,
  );
  return res.rows;
}
