// The service menu of a site (服务菜单): items with a category, description and who can deliver them; residents
// read the active items, the site's station manages them.
import { sqlTime } from '../../platform/sql';
import type { ServiceItemBody, ServiceItemPatchBody, ServiceItemView } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, requirePermission, scopeFilter } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';

const SELECT = sql`SELECT i.*, s.name AS site_name, t.name AS team_name FROM service_item i
  JOIN practice_site s ON s.tenant_id = i.tenant_id AND s.id = i.site_id
  LEFT JOIN volunteer_team t ON t.tenant_id = i.tenant_id AND t.id = i.team_id`;

function view(r: any): ServiceItemView {
  return {
    id: r.id,
    site: { id: r.site_id, name: r.site_name },
    category: r.category,
    name: r.name,
    description: r.description,
    requiredSkills: r.required_skills ?? [],
    team: r.team_id ? { id: r.team_id, name: r.team_name } : null,
    typicalHours: Number(r.typical_hours),
    active: !!r.active,
  };
}

const manageScope = (actor: Actor): SQL =>
  scopeFilter(actor, 'servicemenu.manage', { siteId: sql`s.id`, regionCode: sql`s.region_code` });

/** The menu: a site's active items (everyone who may order or read orders); all items for its managers. */
export async function listMenu(db: Db, actor: Actor, siteId?: string): Promise<ServiceItemView[]> {
  const res = await db.execute(sql`${SELECT} WHERE i.tenant_id = ${actor.tenantId}
    ${siteId ? sql`AND i.site_id = ${siteId}` : sql``}
    AND (i.active OR ${manageScope(actor)}) ORDER BY s.name, i.category, i.name LIMIT 500`);
  return (res.rows as any[]).map(view);
}

async function assertTeam(tx: Db, tenantId: string, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  const res = await tx.execute(sql`SELECT 1 FROM volunteer_team WHERE tenant_id = ${tenantId} AND id = ${teamId}`);
  if (!res.rows.length) throw invalidFields([{ field: 'teamId', key: 'unknown_team' }]);
}

/** Add an item to a site's menu the actor manages; 400 naming the site outside its scope. */
export async function addMenuItem(db: Db, actor: Actor, body: ServiceItemBody): Promise<ServiceItemView> {
  requirePermission(actor, 'servicemenu.manage');
  const id = newId();
  await db.transaction(async (tx) => {
    const site = await tx.execute(sql`SELECT s.id FROM practice_site s WHERE s.tenant_id = ${actor.tenantId}
      AND s.id = ${body.siteId} AND ${manageScope(actor)}`);
    if (!site.rows.length) throw invalidFields([{ field: 'siteId', key: 'unknown_site' }]);
    await assertTeam(tx, actor.tenantId, body.teamId);
    await tx.execute(sql`INSERT INTO service_item (tenant_id, id, site_id, category, name, description, required_skills,
        team_id, typical_hours, active)
      VALUES (${actor.tenantId}, ${id}, ${body.siteId}, ${body.category}, ${body.name}, ${body.description ?? null},
        ${sql.param(body.requiredSkills)}::text[], ${body.teamId ?? null}, ${body.typicalHours}, ${body.active})`);
    await writeAudit(tx, actor, { action: 'servicemenu.add', objectType: 'service_item', objectId: id, after: body });
  });
  return getMenuItem(db, actor, id);
}

async function getMenuItem(db: Db, actor: Actor, id: string): Promise<ServiceItemView> {
  const res = await db.execute(sql`${SELECT} WHERE i.tenant_id = ${actor.tenantId} AND i.id = ${id}`);
  if (!res.rows.length) throw fail('SERVICE_ITEM_NOT_FOUND');
  return view(res.rows[0]);
}

/** Change an item (name, skills, team, active …); 404 outside the actor's sites. */
export async function updateMenuItem(
  db: Db,
  actor: Actor,
  id: string,
  body: ServiceItemPatchBody,
): Promise<ServiceItemView> {
  requirePermission(actor, 'servicemenu.manage');
  await db.transaction(async (tx) => {
    const res = await tx.execute(sql`${SELECT} WHERE i.tenant_id = ${actor.tenantId} AND i.id = ${id}
      AND ${manageScope(actor)} FOR UPDATE OF i`);
    const before = res.rows[0] as any;
    if (!before) throw fail('SERVICE_ITEM_NOT_FOUND');
    await assertTeam(tx, actor.tenantId, body.teamId);
    const next = { ...view(before), ...body };
    const upd = await tx.execute(sql`UPDATE service_item SET category = ${next.category}, name = ${next.name},
        description = ${next.description ?? null}, required_skills = ${sql.param(next.requiredSkills)}::text[],
        team_id = ${body.teamId !== undefined ? body.teamId : before.team_id}, typical_hours = ${next.typicalHours},
        active = ${next.active}, version = version + 1, updated_at = ${sqlTime(actor.now)}
      WHERE tenant_id = ${actor.tenantId} AND id = ${id} AND version = ${before.version} RETURNING id`);
    if (!upd.rows.length) throw fail('STALE_VERSION');
    await writeAudit(tx, actor, {
      action: 'servicemenu.update',
      objectType: 'service_item',
      objectId: id,
      before: view(before),
      after: body,
    });
  });
  return getMenuItem(db, actor, id);
}
