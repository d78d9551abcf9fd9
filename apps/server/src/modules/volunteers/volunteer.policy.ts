// Who may see and change volunteers, teams and their records: the scope filters of the module.
import { sql } from 'drizzle-orm';
import { type Actor, scopeFilter } from '../../platform/access';
import type { Db } from '../../platform/db';
import { invalidFields } from '../../platform/errors';

type VolunteerPermission = 'volunteer.read' | 'volunteer.manage';

/** Volunteers (alias `v`) in scope: home region subtree, registering site, or the volunteer's own record. */
export const volunteerScope = (actor: Actor, permission: VolunteerPermission = 'volunteer.read') =>
  scopeFilter(actor, permission, {
    regionCode: sql`v.region_code`,
    siteId: sql`v.site_id`,
    ownerId: sql`v.account_id`,
  });

/** Teams (alias `tm`) in scope: region subtree, leading site, or the team itself for a team grant. */
export const teamScope = (actor: Actor, permission: 'volunteer.read' | 'team.manage' = 'volunteer.read') =>
  scopeFilter(actor, permission, { regionCode: sql`tm.region_code`, siteId: sql`tm.site_id`, teamId: sql`tm.id` });

/** Practice sites (alias `s`) the actor may act for with a permission. */
export const siteUsableScope = (actor: Actor, permission: 'volunteer.manage' | 'team.manage' | 'activity.manage') =>
  scopeFilter(actor, permission, { regionCode: sql`s.region_code`, siteId: sql`s.id` });

/** The site a site-scoped grant names, used as the default for a station's registrations. */
export function grantSiteOf(actor: Actor, permission: 'volunteer.manage' | 'team.manage' | 'activity.manage') {
  return actor.grants.find((g) => g.kind === 'site' && (g.permissions.has(permission) || g.permissions.has('*')))?.ref;
}

/** 400 naming `field` unless the site exists and the actor may act for it. */
export async function assertSiteUsable(
  db: Db,
  actor: Actor,
  siteId: string,
  permission: 'volunteer.manage' | 'team.manage' | 'activity.manage',
  field = 'siteId',
) {
  const res = await db.execute(sql`SELECT 1 FROM practice_site s WHERE s.tenant_id = ${actor.tenantId}
    AND s.id = ${siteId} AND ${siteUsableScope(actor, permission)}`);
  if (!res.rows.length) throw invalidFields([{ field, key: 'unknown_site' }]);
}

/** 400 naming `field` unless the site exists at all (self-registration may name any site). */
export async function assertSiteExists(db: Db, tenantId: string, siteId: string, field = 'siteId') {
  const res = await db.execute(sql`SELECT 1 FROM practice_site WHERE tenant_id = ${tenantId} AND id = ${siteId}`);
  if (!res.rows.length) throw invalidFields([{ field, key: 'unknown_site' }]);
}

/** 400 naming `field` for each region code that is not an active region of the tenant. */
export async function assertRegionsExist(db: Db, tenantId: string, codes: string[], field: string) {
  if (!codes.length) return;
  const res = await db.execute(sql`SELECT code FROM region WHERE tenant_id = ${tenantId}
    AND code = ANY(${sql.param(codes)}::text[]) AND status = 'active'`);
  if (res.rows.length !== new Set(codes).size) throw invalidFields([{ field, key: 'unknown_region' }]);
}
