import { checkPasswordPolicy, type MeView, type Permission, separatedRoles } from '@wenming/contracts';
import { and, eq, sql } from 'drizzle-orm';
import * as s from '../../db/schema';
import { type Actor, permissionsOf } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { type AppError, fail } from '../../platform/errors';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../platform/passwords';
import { createSession, type SessionInfo } from '../../platform/sessions';

export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/** The tenant a login names, or the default tenant. */
export async function findTenant(db: Db, code: string): Promise<{ id: string; name: string } | null> {
  const rows = await db.select({ id: s.tenant.id, name: s.tenant.name }).from(s.tenant).where(eq(s.tenant.code, code));
  return rows[0] ?? null;
}

function lockedError(until: Date): AppError {
  return fail('AUTH_ACCOUNT_LOCKED', { lockedUntil: until.toISOString(), minutes: LOCK_MINUTES });
}

/** Check a username and password; five failures lock the name for 15 minutes whether it exists or not. */
export async function login(
  ctx: AppContext,
  input: { username: string; password: string; tenant?: string },
  meta: { ip: string | null; userAgent: string | null; requestId: string },
): Promise<{ cookie: string; csrfToken: string; tenantId: string; accountId: string }> {
  const tenant = await findTenant(ctx.db, input.tenant ?? ctx.config.defaultTenant);
  if (!tenant) {
    await verifyAgainstDummy(input.password);
    throw fail('AUTH_INVALID_CREDENTIALS');
  }
  const username = input.username.trim();
  const lockRows = await ctx.db
    .select()
    .from(s.loginLock)
    .where(and(eq(s.loginLock.tenantId, tenant.id), eq(s.loginLock.username, username)));
  const lock = lockRows[0];
  const now = ctx.clock.now();
  const at = now.toISOString();
  if (lock?.lockedUntil && lock.lockedUntil.getTime() > now.getTime()) throw lockedError(lock.lockedUntil);

  const accounts = await ctx.db
    .select()
    .from(s.account)
    .where(and(eq(s.account.tenantId, tenant.id), eq(s.account.username, username)));
  const account = accounts[0];
  const ok = account && !account.isDisabled ? await verifyPassword(account.passwordHash, input.password) : false;
  if (!account) await verifyAgainstDummy(input.password);
  const actor: Actor = {
    tenantId: tenant.id,
    accountId: account?.id ?? null,
    personId: null,
    username,
    displayName: username,
    grants: [],
    requestId: meta.requestId,
    ip: meta.ip,
    now,
  };
  if (!ok) {
    const res = await ctx.db.execute(sql`INSERT INTO login_lock (tenant_id, username, failed_count, updated_at)
      VALUES (${tenant.id}, ${username}, 1, ${at})
      ON CONFLICT (tenant_id, username) DO UPDATE SET
        failed_count = CASE WHEN login_lock.locked_until IS NOT NULL AND login_lock.locked_until <= ${at} THEN 1
                            ELSE login_lock.failed_count + 1 END,
        locked_until = CASE WHEN login_lock.locked_until IS NOT NULL AND login_lock.locked_until <= ${at} THEN NULL
                            ELSE login_lock.locked_until END,
        updated_at = ${at}
      RETURNING failed_count`);
    const failed = Number((res.rows[0] as any).failed_count);
    if (failed >= MAX_FAILED_LOGINS) {
      const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
      await ctx.db.transaction(async (tx) => {
        await tx.execute(sql`UPDATE login_lock SET locked_until = ${until.toISOString()}, failed_count = 0
          WHERE tenant_id = ${tenant.id} AND username = ${username}`);
        await writeAudit(tx, actor, {
          action: 'auth.locked',
          objectType: 'account',
          objectId: account?.id ?? null,
          after: { username },
        });
      });
      throw lockedError(until);
    }
    await ctx.db.transaction((tx) =>
      writeAudit(tx, actor, {
        action: 'auth.login_failed',
        objectType: 'account',
        objectId: account?.id ?? null,
        after: { username },
      }),
    );
    throw fail('AUTH_INVALID_CREDENTIALS', { remainingAttempts: MAX_FAILED_LOGINS - failed });
  }
  await ctx.db.delete(s.loginLock).where(and(eq(s.loginLock.tenantId, tenant.id), eq(s.loginLock.username, username)));
  const session = await createSession(ctx.db, tenant.id, account!.id, ctx.config.sessionMaxMs, { ...meta, now });
  await ctx.db.transaction((tx) =>
    writeAudit(tx, actor, { action: 'auth.login', objectType: 'account', objectId: account!.id }),
  );
  return { ...session, tenantId: tenant.id, accountId: account!.id };
}

/** The `/me` view of a loaded session. */
export function describeSession(info: SessionInfo): MeView {
  const a = info.actor;
  return {
    user: {
      id: a.accountId!,
      username: a.username,
      displayName: a.displayName,
      tenantId: a.tenantId,
      tenantName: info.tenantName,
      personId: a.personId,
      mustChangePassword: info.mustChangePassword,
      roles: info.grantsView.map((g) => ({
        id: g.id,
        role: g.role,
        scope: { kind: g.kind, ref: g.ref },
        scopeName: g.scopeName,
      })),
      permissions: permissionsOf(a) as Permission[],
    },
    csrfToken: info.csrfToken,
  };
}

/**
 * Change one's own password; the policy applies and the initial-password flag clears. Every other session of the
 * account ends (a stolen cookie dies with the old password); the session that made the change stays.
 */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  current: string,
  next: string,
  keepSessionId: string,
): Promise<void> {
  const rows = await ctx.db
    .select()
    .from(s.account)
    .where(and(eq(s.account.tenantId, actor.tenantId), eq(s.account.id, actor.accountId!)));
  const account = rows[0];
  if (!account || !(await verifyPassword(account.passwordHash, current))) {
    throw fail('VALIDATION_FAILED', { fieldKeys: [{ field: 'currentPassword', key: 'invalid_value' }] });
  }
  const policy = checkPasswordPolicy(next);
  if (policy || next === current) {
    throw fail('PASSWORD_POLICY', {
      fieldKeys: [{ field: 'newPassword', key: policy ? 'password_policy' : 'same_as_current' }],
    });
  }
  const hash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(s.account)
      .set({ passwordHash: hash, mustChangePassword: false, passwordChangedAt: actor.now })
      .where(and(eq(s.account.tenantId, actor.tenantId), eq(s.account.id, actor.accountId!)));
    const ended = await tx.execute(sql`DELETE FROM session WHERE tenant_id = ${actor.tenantId}
      AND account_id = ${actor.accountId} AND id <> ${keepSessionId} RETURNING id`);
    await writeAudit(tx, actor, {
      action: 'auth.password_changed',
      objectType: 'account',
      objectId: actor.accountId,
      after: { otherSessionsEnded: ended.rows.length },
    });
  });
}

/**
 * 三员分立: refuse a role that would give an account two of sysadmin, secadmin, auditor (ROLE_SEPARATION_VIOLATION),
 * or mix one of them with a business role (office_admin, inspector, …) either way round (ROLE_ADMIN_BUSINESS_MIX).
 */
export async function assertRoleSeparation(tx: Db, tenantId: string, accountId: string, role: string): Promise<void> {
  const held = await tx
    .select({ role: s.roleAssignment.roleCode })
    .from(s.roleAssignment)
    .where(and(eq(s.roleAssignment.tenantId, tenantId), eq(s.roleAssignment.accountId, accountId)));
  const isAdmin = (r: string) => separatedRoles.includes(r as never);
  if (isAdmin(role)) {
    if (held.some((h) => isAdmin(h.role) && h.role !== role)) throw fail('ROLE_SEPARATION_VIOLATION');
    if (held.some((h) => !isAdmin(h.role))) throw fail('ROLE_ADMIN_BUSINESS_MIX');
  } else if (held.some((h) => isAdmin(h.role))) {
    throw fail('ROLE_ADMIN_BUSINESS_MIX');
  }
}
