// Projects (品牌项目) that group activities of a site or team.
import type { ProjectView, projectBody } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { assertRegionsExist, assertSiteUsable } from '../volunteers';
import { activityManageScope, activityReadScope, assertTeamUsable } from './activity.policy';

const toView = (r: any): ProjectView => ({
  id: r.id,
  name: r.name,
  description: r.description,
  siteId: r.site_id,
  teamId: r.team_id,
  regionCode: r.region_code,
  isBrand: r.is_brand,
  activityCount: Number(r.activity_count),
});
const columns = sql`a.id, a.name, a.description, a.site_id, a.team_id, a.region_code, a.is_brand,
  (SELECT count(*)::int FROM activity x WHERE x.tenant_id = a.tenant_id AND x.project_id = a.id) AS activity_count`;

/** Projects the actor may read (same scope rule as activities). */
export async function listProjects(db: Db, actor: Actor) {
  const res = await db.execute(sql`SELECT ${columns} FROM activity_project a
    WHERE a.tenant_id = ${actor.tenantId} AND ${activityReadScope(actor)} ORDER BY a.is_brand DESC, a.name LIMIT 500`);
  return res.rows.map(toView);
}

/** Create a project of a site or team in the actor's organising scope. */
export async function createProject(db: Db, actor: Actor, body: z.infer<typeof projectBody>) {
  requirePermission(actor, 'activity.manage');
  if (body.siteId) await assertSiteUsable(db, actor, body.siteId, 'activity.manage');
  if (body.teamId) await assertTeamUsable(db, actor, body.teamId);
  await assertRegionsExist(db, actor.tenantId, [body.regionCode], 'regionCode');
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO activity_project (tenant_id, id, name, description, site_id, team_id, region_code, is_brand)
      VALUES (${actor.tenantId}, ${id}, ${body.name}, ${body.description ?? null}, ${body.siteId ?? null},
        ${body.teamId ?? null}, ${body.regionCode}, ${body.isBrand})`);
    const visible = await tx.execute(sql`SELECT 1 FROM activity_project a WHERE a.tenant_id = ${actor.tenantId}
      AND a.id = ${id} AND ${activityManageScope(actor)}`);
    if (!visible.rows.length) throw invalidFields([{ field: 'regionCode', key: 'outside_scope' }]);
    await writeAudit(tx, actor, {
      action: 'activity.project_create',
      objectType: 'activity_project',
      objectId: id,
      after: body,
    });
  });
  const res = await db.execute(
    sql`SELECT ${columns} FROM activity_project a WHERE a.tenant_id = ${actor.tenantId} AND a.id = ${id}`,
  );
  if (!res.rows[0]) throw fail('PROJECT_NOT_FOUND');
  return toView(res.rows[0]);
}
