// Who sees and acts on which service orders: the centre by site / region / all; a resident their own orders; a
// volunteer the orders dispatched to them or their team and the open offers (抢单) they are eligible for.
import type { Permission } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, can, grantsFor } from '../../platform/access';
import type { Db } from '../../platform/db';
import { invalidFields } from '../../platform/errors';

/** The volunteer record of the signed-in account, as a subquery. */
export const myVolunteer = (actor: Actor) =>
  sql`(SELECT mv.id FROM volunteer mv WHERE mv.tenant_id = ${actor.tenantId} AND mv.account_id = ${actor.accountId}::uuid)`;

/** Teams the signed-in volunteer is an active member of, as a subquery. */
export const myTeams = (actor: Actor) => sql`(SELECT tm.team_id FROM team_member tm
  WHERE tm.tenant_id = ${actor.tenantId} AND tm.status = 'active' AND tm.volunteer_id IN ${myVolunteer(actor)})`;

/**
 * The order `o` is open for grabbing (抢单) by the signed-in volunteer: offered, and in the volunteer's area (the
 * same district as their home region or a service area, or their own site). Skills do not filter: a match is a
 * highlight and a sort key (`offerSkillMatch`).
 */
export const eligibleOffer = (actor: Actor) => sql`(o.status = 'offered' AND EXISTS (SELECT 1 FROM volunteer mv
  WHERE mv.tenant_id = ${actor.tenantId} AND mv.account_id = ${actor.accountId}::uuid AND mv.status = 'active'
    AND (o.site_id = mv.site_id OR left(o.region_code, 6) = left(mv.region_code, 6)
      OR left(o.region_code, 6) = ANY (SELECT left(sa, 6) FROM unnest(mv.service_areas) AS sa))))`;

/** The order's item (`i`) needs no skill or one the signed-in volunteer has. */
export const offerSkillMatch = (actor: Actor) => sql`(i.required_skills IS NULL
  OR cardinality(i.required_skills) = 0
  OR coalesce(i.required_skills && (SELECT mv.skills FROM volunteer mv WHERE mv.tenant_id = ${actor.tenantId}
    AND mv.account_id = ${actor.accountId}::uuid AND mv.status = 'active'), false))`;

/** The order `o` (joined with its item `i`) lies in one of the actor's scopes for the permission. */
export function orderScope(actor: Actor, permission: Permission): SQL {
  const parts: SQL[] = [];
  for (const g of grantsFor(actor, permission)) {
    if (g.kind === 'all') return sql`true`;
    if (g.kind === 'region' && g.regionPath)
      parts.push(sql`EXISTS (SELECT 1 FROM region sr WHERE sr.tenant_id = o.tenant_id AND sr.code = o.region_code
        AND sr.path <@ ${g.regionPath}::ltree)`);
    else if (g.kind === 'site' && g.ref) parts.push(sql`o.site_id = ${g.ref}::uuid`);
    else if (g.kind === 'team' && g.ref) parts.push(sql`o.team_id = ${g.ref}::uuid`);
    else if (g.kind === 'own' && actor.accountId) {
      parts.push(sql`o.ordered_by = ${actor.accountId}::uuid OR o.volunteer_account_id = ${actor.accountId}::uuid`);
      if (can(actor, 'order.accept'))
        parts.push(
          sql`${eligibleOffer(actor)} OR (o.status = 'dispatched' AND o.volunteer_id IS NULL AND o.team_id IN ${myTeams(actor)})`,
        );
    }
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

export const ORDER_FROM = sql`service_order o
  JOIN practice_site s ON s.tenant_id = o.tenant_id AND s.id = o.site_id
  LEFT JOIN service_item i ON i.tenant_id = o.tenant_id AND i.id = o.item_id
  LEFT JOIN volunteer v ON v.tenant_id = o.tenant_id AND v.id = o.volunteer_id
  LEFT JOIN volunteer_team tm ON tm.tenant_id = o.tenant_id AND tm.id = o.team_id`;

/** Photos must exist in the tenant and be the actor's own uploads (or readable with file.read); 400 otherwise. */
export async function assertPhotosUsable(db: Db, actor: Actor, fileIds: string[], field: string): Promise<void> {
  if (fileIds.length === 0) return;
  const res = await db.execute(sql`SELECT f.id, f.uploaded_by, fo.content_type FROM file f
    JOIN file_object fo ON fo.tenant_id = f.tenant_id AND fo.sha256 = f.sha256
    WHERE f.tenant_id = ${actor.tenantId} AND f.id = ANY(${sql.param(fileIds)}::uuid[])`);
  const mayRead = can(actor, 'file.read');
  const ok = new Set(
    (res.rows as any[])
      .filter((r) => (mayRead || r.uploaded_by === actor.accountId) && String(r.content_type).startsWith('image/'))
      .map((r) => r.id as string),
  );
  if (fileIds.some((id) => !ok.has(id))) throw invalidFields([{ field, key: 'unknown_file' }]);
}
