import { type SQL, sql } from 'drizzle-orm';
import type { Permission, RoleCode, ScopeKind } from '@wenming/contracts';
import { AppError, fail, forbidden } from './errors';

export interface Grant {
  role: RoleCode;
  kind: ScopeKind;
  ref: string | null;
  /** ltree path of a region scope, resolved when the session is loaded. */
  regionPath: string | null;
  permissions: ReadonlySet<string>;
}

/** Who is acting: the signed-in account with its grants, or the system (jobs, CLI). */
export interface Actor {
  tenantId: string;
  accountId: string | null;
  personId: string | null;
  username: string;
  displayName: string;
  grants: Grant[];
  requestId: string | null;
  ip: string | null;
  /** The time of this request or job run, read once from the app's clock: every date the action writes uses it. */
  now: Date;
}

/** The system acting at `now` (jobs, the CLI, the demo seed). */
export function systemActor(tenantId: string, name: string, now: Date): Actor {
  return {
    tenantId,
    accountId: null,
    personId: null,
    username: name,
    displayName: name,
    grants: [{ role: 'office_admin', kind: 'all', ref: null, regionPath: null, permissions: new Set(['*']) }],
    requestId: null,
    ip: null,
    now,
  };
}

export function permissionsOf(actor: Actor): Permission[] {
  const all = new Set<string>();
  for (const g of actor.grants) for (const p of g.permissions) all.add(p);
  return [...all].sort() as Permission[];
}

export function grantsFor(actor: Actor, permission: Permission): Grant[] {
  return actor.grants.filter((g) => g.permissions.has(permission) || g.permissions.has('*'));
}

export function can(actor: Actor, permission: Permission): boolean {
  return grantsFor(actor, permission).length > 0;
}

/** 403 when the actor holds the permission nowhere. */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden();
}

/**
 * True when one of the actor's grants for the permission covers the whole tenant: scope `all`, or a region
 * scope on a top-level region (the tenant root, whose ltree path has a single label).
 */
export function hasCityScope(actor: Actor, permission: Permission): boolean {
  return grantsFor(actor, permission).some(
    (g) => g.kind === 'all' || (g.kind === 'region' && !!g.regionPath && !g.regionPath.includes('.')),
  );
}

/**
 * Tenant-wide objects and settings (the framework, campaigns, problem rules, Open311 clients, the city-wide
 * reminder run, volunteer rules) belong to a city-scope office: 403 FORBIDDEN without the permission at all,
 * 403 CITY_SCOPE_REQUIRED when it is held only for a part of the tenant (a district office).
 */
export function requireCityScope(actor: Actor, permission: Permission): void {
  requirePermission(actor, permission);
  if (!hasCityScope(actor, permission)) throw fail('CITY_SCOPE_REQUIRED');
}

/** The columns of a resource that scopes can match; leave out what the resource lacks. */
export interface ScopeColumns {
  regionCode?: SQL | unknown;
  unitId?: SQL | unknown;
  siteId?: SQL | unknown;
  teamId?: SQL | unknown;
  ownerId?: SQL | unknown;
}

/**
 * The one scope filter every module's queries go through: a SQL condition that is true for rows
 * inside at least one of the actor's scopes for the permission, false when there is none.
 */
export function scopeFilter(actor: Actor, permission: Permission, cols: ScopeColumns): SQL {
  const parts: SQL[] = [];
  for (const g of grantsFor(actor, permission)) {
    if (g.kind === 'all') return sql`true`;
    if (g.kind === 'region' && cols.regionCode !== undefined && g.regionPath) {
      parts.push(
        sql`EXISTS (SELECT 1 FROM region sr WHERE sr.tenant_id = ${actor.tenantId} AND sr.code = ${cols.regionCode} AND sr.path <@ ${g.regionPath}::ltree)`,
      );
    } else if (g.kind === 'unit' && cols.unitId !== undefined && g.ref) {
      parts.push(sql`${cols.unitId} = ${g.ref}::uuid`);
    } else if (g.kind === 'site' && cols.siteId !== undefined && g.ref) {
      parts.push(sql`${cols.siteId} = ${g.ref}::uuid`);
    } else if (g.kind === 'team' && cols.teamId !== undefined && g.ref) {
      parts.push(sql`${cols.teamId} = ${g.ref}::uuid`);
    } else if (g.kind === 'own' && cols.ownerId !== undefined && actor.accountId) {
      parts.push(sql`${cols.ownerId} = ${actor.accountId}::uuid`);
    }
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** Region paths the actor may see for a permission; null means the whole tenant. */
export function regionRoots(actor: Actor, permission: Permission): string[] | null {
  const roots: string[] = [];
  for (const g of grantsFor(actor, permission)) {
    if (g.kind === 'all') return null;
    if (g.kind === 'region' && g.regionPath) roots.push(g.regionPath);
  }
  return roots;
}

export function assertFound<T>(row: T | undefined | null, what: string): T {
  if (row === undefined || row === null) throw new AppError(`${what.toUpperCase()}_NOT_FOUND`, 404);
  return row;
}
