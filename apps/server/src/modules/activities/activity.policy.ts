// Who may see and run activities: organisers by region, site or team; volunteers and residents see all published.
import { sql } from 'drizzle-orm';
import { type Actor, grantsFor, requirePermission, scopeFilter } from '../../platform/access';
import type { Db } from '../../platform/db';
import { invalidFields } from '../../platform/errors';

/** Activities (alias `a`) the actor organises: region subtree, the site, or the team. */
export const activityManageScope = (
  actor: Actor,
  permission: 'activity.manage' | 'hours.confirm' = 'activity.manage',
) => scopeFilter(actor, permission, { regionCode: sql`a.region_code`, siteId: sql`a.site_id`, teamId: sql`a.team_id` });

/**
 * Activities (alias `a`) the actor may read. Recruitment is public inside the tenant: an `own` grant
 * (volunteers, residents) sees every activity; organisers see their scope.
 */
export function activityReadScope(actor: Actor) {
  requirePermission(actor, 'activity.read');
  if (grantsFor(actor, 'activity.read').some((g) => g.kind === 'own')) return sql`true`;
  return scopeFilter(actor, 'activity.read', {
    regionCode: sql`a.region_code`,
    siteId: sql`a.site_id`,
    teamId: sql`a.team_id`,
  });
}

/** 400 naming `teamId` unless the team exists and lies in the actor's organising scope. */
export async function assertTeamUsable(db: Db, actor: Actor, teamId: string) {
  const res =
    await db.execute(sql`SELECT 1 FROM volunteer_team tm WHERE tm.tenant_id = ${actor.tenantId} AND tm.id = ${teamId}
    AND ${scopeFilter(actor, 'activity.manage', { regionCode: sql`tm.region_code`, siteId: sql`tm.site_id`, teamId: sql`tm.id` })}`);
  if (!res.rows.length) throw invalidFields([{ field: 'teamId', key: 'unknown_team' }]);
}
