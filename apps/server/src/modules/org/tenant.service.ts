import { defaultRolePermissions, roleCodes } from '@wenming/contracts';
import { eq, sql } from 'drizzle-orm';
import * as s from '../../db/schema';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { hashPassword } from '../../platform/passwords';
import { assertRoleSeparation } from '../auth';

const roleNames: Record<string, string> = {
  sysadmin: '系统管理员',
  secadmin: '安全管理员',
  auditor: '审计管理员',
  office_admin: '文明办管理员',
  inspector: '督查员',
  unit_liaison: '单位联络员',
  grid_worker: '网格员',
  station_admin: '阵地管理员',
  volunteer: '志愿者',
  resident: '群众',
};

/** Create a tenant with the built-in roles; returns the existing one when the code is taken. */
export async function createTenant(
  db: Db,
  input: { code: string; name: string; rootRegionCode?: string | null },
): Promise<{ id: string; created: boolean }> {
  const existing = await db.select({ id: s.tenant.id }).from(s.tenant).where(eq(s.tenant.code, input.code));
  if (existing[0]) return { id: existing[0].id, created: false };
  const id = newId();
  await db.transaction(async (tx) => {
    await tx
      .insert(s.tenant)
      .values({ id, code: input.code, name: input.name, rootRegionCode: input.rootRegionCode ?? null });
    await ensureBuiltinRoles(tx, id);
  });
  return { id, created: true };
}

/** Insert or refresh the built-in roles of a tenant from the contracts. */
export async function ensureBuiltinRoles(db: Db, tenantId: string): Promise<void> {
  for (const code of roleCodes) {
    await db
      .insert(s.role)
      .values({ tenantId, code, name: roleNames[code], permissions: defaultRolePermissions[code], isBuiltin: true })
      .onConflictDoUpdate({
        target: [s.role.tenantId, s.role.code],
        set: { permissions: defaultRolePermissions[code], name: roleNames[code] },
      });
  }
}

export interface NewAccount {
  username: string;
  displayName: string;
  password: string;
  personId?: string | null;
  isDemo?: boolean;
  mustChangePassword?: boolean;
  roles?: { role: string; scopeKind: string; scopeRef: string | null }[];
}

/** Create an account with role assignments (no audit: used by seeding and the CLI). */
export async function createAccountRaw(
  db: Db,
  tenantId: string,
  a: NewAccount,
  passwordHash?: string,
): Promise<string> {
  const id = newId();
  const hash = passwordHash ?? (await hashPassword(a.password));
  await db.transaction(async (tx) => {
    await tx.insert(s.account).values({
      tenantId,
      id,
      username: a.username,
      displayName: a.displayName,
      personId: a.personId ?? null,
      passwordHash: hash,
      isDemo: a.isDemo ?? false,
      mustChangePassword: a.mustChangePassword ?? !a.isDemo,
    });
    for (const r of a.roles ?? []) {
      await assertRoleSeparation(tx, tenantId, id, r.role);
      await tx.insert(s.roleAssignment).values({
        tenantId,
        id: newId(),
        accountId: id,
        roleCode: r.role,
        scopeKind: r.scopeKind,
        scopeRef: r.scopeRef,
      });
    }
  });
  return id;
}

export async function countRows(db: Db, table: string, tenantId: string): Promise<number> {
  const res = await db.execute(
    sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE tenant_id = ${tenantId}`,
  );
  return Number((res.rows[0] as any).n);
}
