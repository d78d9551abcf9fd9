// Teams (总队 → 支队 → 小队, specialist teams) and their membership: join requests, approval, direct adds.
import {
  type TeamBody,
  type TeamView,
  type teamListQuery,
  teamParentLevel,
  type teamUpdateBody,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { buildSearchText, likePattern } from '../../platform/search-text';
import { assertRegionsExist, assertSiteUsable, teamScope } from './volunteer.policy';

const columns = sql`tm.id, tm.name, tm.level, tm.parent_id, pt.name AS parent_name, tm.site_id, s.name AS site_name,
  tm.unit_id, un.name AS unit_name, tm.region_code, tm.specialty, tm.description, tm.version,
  (SELECT count(*)::int FROM team_member m WHERE m.tenant_id = tm.tenant_id AND m.team_id = tm.id AND m.status = 'active') AS member_count,
  (SELECT count(*)::int FROM team_member m WHERE m.tenant_id = tm.tenant_id AND m.team_id = tm.id AND m.status = 'pending') AS pending_count`;
const from = sql`volunteer_team tm
  LEFT JOIN volunteer_team pt ON pt.tenant_id = tm.tenant_id AND pt.id = tm.parent_id
  LEFT JOIN practice_site s ON s.tenant_id = tm.tenant_id AND s.id = tm.site_id
  LEFT JOIN unit un ON un.tenant_id = tm.tenant_id AND un.id = tm.unit_id`;

const toView = (r: any): TeamView => ({
  id: r.id,
  name: r.name,
  level: r.level,
  parentId: r.parent_id,
  parentName: r.parent_name,
  siteId: r.site_id,
  siteName: r.site_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  regionCode: r.region_code,
  specialty: r.specialty,
  description: r.description,
  memberCount: Number(r.member_count),
  pendingCount: Number(r.pending_count),
  version: r.version,
});

/** Teams in scope; every signed-in user may browse teams to ask to join. */
export async function listTeams(db: Db, actor: Actor, f: z.infer<typeof teamListQuery>) {
  const scope = requireTeamRead(actor);
  const where = allOf(
    sql`tm.tenant_id = ${actor.tenantId}`,
    scope,
    f.q ? sql`tm.search_text LIKE ${likePattern(f.q)}` : null,
    f.level ? sql`tm.level = ${f.level}` : null,
    f.parentId ? sql`tm.parent_id = ${f.parentId}` : null,
    f.siteId ? sql`tm.site_id = ${f.siteId}` : null,
  );
  return queryPage(db, { columns, from, where, orderBy: sql`tm.level, tm.name, tm.id` }, f, toView);
}

/** Volunteers (own scope) see every team so they can ask to join; managers see their scope. */
function requireTeamRead(actor: Actor) {
  if (actor.grants.some((g) => g.permissions.has('volunteer.register') || g.permissions.has('activity.join')))
    return sql`true`;
  requirePermission(actor, 'volunteer.read');
  return teamScope(actor);
}

/** A team visible to the actor (404 otherwise). */
export async function getTeam(db: Db, actor: Actor, id: string, permission?: 'team.manage') {
  if (permission) requirePermission(actor, permission);
  const scope = permission ? teamScope(actor, permission) : requireTeamRead(actor);
  const res = await db.execute(sql`SELECT ${columns} FROM ${from} WHERE tm.tenant_id = ${actor.tenantId}
    AND tm.id = ${id} AND ${scope}`);
  if (!res.rows[0]) throw fail('TEAM_NOT_FOUND');
  return toView(res.rows[0]);
}

async function assertParent(db: Db, actor: Actor, body: TeamBody) {
  const wanted = teamParentLevel[body.level];
  if (!body.parentId) {
    if (wanted !== null && wanted !== 'any') throw invalidFields([{ field: 'parentId', key: 'required' }]);
    return;
  }
  if (wanted === null) throw fail('TEAM_PARENT_LEVEL');
  const res = await db.execute(sql`SELECT level FROM volunteer_team tm WHERE tm.tenant_id = ${actor.tenantId}
    AND tm.id = ${body.parentId} AND ${teamScope(actor, 'team.manage')}`);
  const parent = res.rows[0] as { level: string } | undefined;
  if (!parent) throw invalidFields([{ field: 'parentId', key: 'unknown_team' }]);
  if (wanted !== 'any' && parent.level !== wanted) throw fail('TEAM_PARENT_LEVEL');
}

/** Create a team led by a site or a unit in the actor's scope. */
export async function createTeam(db: Db, actor: Actor, body: TeamBody) {
  requirePermission(actor, 'team.manage');
  if (body.siteId) await assertSiteUsable(db, actor, body.siteId, 'team.manage');
  if (body.unitId) {
    const u = await db.execute(sql`SELECT 1 FROM unit WHERE tenant_id = ${actor.tenantId} AND id = ${body.unitId}`);
    if (!u.rows.length) throw invalidFields([{ field: 'unitId', key: 'unknown_unit' }]);
  }
  await assertRegionsExist(db, actor.tenantId, [body.regionCode], 'regionCode');
  await assertParent(db, actor, body);
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO volunteer_team (tenant_id, id, name, level, parent_id, site_id, unit_id,
      region_code, specialty, description, search_text)
      VALUES (${actor.tenantId}, ${id}, ${body.name}, ${body.level}, ${body.parentId ?? null}, ${body.siteId ?? null},
        ${body.unitId ?? null}, ${body.regionCode}, ${body.specialty ?? null}, ${body.description ?? null},
        ${buildSearchText(body.name)})`);
    const visible = await tx.execute(sql`SELECT 1 FROM volunteer_team tm WHERE tm.tenant_id = ${actor.tenantId}
      AND tm.id = ${id} AND ${teamScope(actor, 'team.manage')}`);
    if (!visible.rows.length) throw invalidFields([{ field: 'regionCode', key: 'outside_scope' }]);
    await writeAudit(tx, actor, { action: 'team.create', objectType: 'volunteer_team', objectId: id, after: body });
  });
  return getTeam(db, actor, id);
}

/** Rename a team or change its specialty and description (optimistic version check). */
export async function updateTeam(db: Db, actor: Actor, id: string, body: z.infer<typeof teamUpdateBody>) {
  const before = await getTeam(db, actor, id, 'team.manage');
  await db.transaction(async (tx) => {
    const res =
      await tx.execute(sql`UPDATE volunteer_team SET name = ${body.name}, specialty = ${body.specialty ?? null},
      description = ${body.description ?? null}, search_text = ${buildSearchText(body.name)}, version = version + 1
      WHERE tenant_id = ${actor.tenantId} AND id = ${id} AND version = ${body.version} RETURNING id`);
    if (!res.rows.length) throw fail('STALE_VERSION', { current: before });
    await writeAudit(tx, actor, {
      action: 'team.update',
      objectType: 'volunteer_team',
      objectId: id,
      before,
      after: body,
    });
  });
  return getTeam(db, actor, id);
}
