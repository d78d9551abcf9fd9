// Who sees and works on which plans, points and inspections. SQL conditions over the aliases
// `p` (inspection_plan) and, for inspections, `i` (inspection); a row outside them answers 404.
import type { Permission } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, can, grantsFor, requirePermission, scopeFilter } from '../../platform/access';
import { forbidden } from '../../platform/errors';

/** An unannounced plan (暗访) whose results are not published: hidden from the inspected. */
export const planHidden = sql`(p.kind = 'unannounced' AND p.results_published_at IS NULL)`;

/** True when a grant for the permission covers the whole tenant. */
export function seesAll(actor: Actor, permission: Permission): boolean {
  return grantsFor(actor, permission).some((g) => g.kind === 'all');
}

/** 403 unless the actor may do something with inspections at all. */
export function requireAnyInspectionPermission(actor: Actor): void {
  if (!(['inspection.plan', 'inspection.perform', 'inspection.read'] as const).some((p) => can(actor, p)))
    throw forbidden();
}

/** The actor organises plan `p`: inspection.plan in a scope that covers the plan's region. */
export function isPlannerOf(actor: Actor): SQL {
  return scopeFilter(actor, 'inspection.plan', { regionCode: sql`p.region_code` });
}

/** The actor is a member of one of plan `p`'s teams. */
export function isMemberOf(actor: Actor): SQL {
  if (!actor.accountId) return sql`false`;
  return sql`EXISTS (SELECT 1 FROM inspection_team_member vm WHERE vm.tenant_id = p.tenant_id
    AND vm.plan_id = p.id AND vm.account_id = ${actor.accountId})`;
}

export interface PointColumns {
  pointId: SQL;
  regionCode: SQL;
  gridId: SQL;
}

/**
 * A point inside the actor's scope for the permission: region grants by the region subtree, unit
 * grants through the unit's pairings (包联) with the point, its grid, or a region above it.
 */
export function pointInScope(actor: Actor, permission: Permission, cols: PointColumns): SQL {
  const parts = [scopeFilter(actor, permission, { regionCode: cols.regionCode })];
  const units = grantsFor(actor, permission)
    .filter((g) => g.kind === 'unit' && g.ref)
    .map((g) => g.ref!);
  if (units.length)
    parts.push(sql`EXISTS (SELECT 1 FROM pairing pr WHERE pr.tenant_id = ${actor.tenantId}
      AND pr.unit_id = ANY(${sql.param(units)}::uuid[]) AND (
        (pr.target_kind = 'point' AND pr.target_ref = ${cols.pointId}::text)
        OR (pr.target_kind = 'grid' AND pr.target_ref = ${cols.gridId}::text)
        OR (pr.target_kind = 'region' AND EXISTS (SELECT 1 FROM region ra, region rb
          WHERE ra.tenant_id = pr.tenant_id AND ra.code = pr.target_ref
            AND rb.tenant_id = pr.tenant_id AND rb.code = ${cols.regionCode} AND rb.path <@ ra.path))))`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** Plan `p` is readable: its planners and team members always; readers when it has points in their scope and is not hidden. */
export function planReadable(actor: Actor): SQL {
  if (seesAll(actor, 'inspection.plan')) return sql`true`;
  const reader = can(actor, 'inspection.read')
    ? sql`(NOT ${planHidden} AND EXISTS (SELECT 1 FROM inspection_plan_point vpp
        JOIN point vpt ON vpt.tenant_id = vpp.tenant_id AND vpt.id = vpp.point_id
        WHERE vpp.tenant_id = p.tenant_id AND vpp.plan_id = p.id
          AND ${pointInScope(actor, 'inspection.read', { pointId: sql`vpt.id`, regionCode: sql`vpt.region_code`, gridId: sql`vpt.grid_id` })}))`
    : sql`false`;
  return sql`(${isPlannerOf(actor)} OR ${isMemberOf(actor)} OR ${reader})`;
}

/** Inspection `i` of plan `p` is readable: planners, the plan's teams, its inspector, and readers of its point unless hidden. */
export function inspectionReadable(actor: Actor): SQL {
  if (seesAll(actor, 'inspection.plan')) return sql`true`;
  const own = actor.accountId ? sql`i.inspector_id = ${actor.accountId}` : sql`false`;
  const reader = can(actor, 'inspection.read')
    ? sql`(NOT ${planHidden} AND ${pointInScope(actor, 'inspection.read', { pointId: sql`i.point_id`, regionCode: sql`i.region_code`, gridId: sql`i.grid_id` })})`
    : sql`false`;
  return sql`(${isPlannerOf(actor)} OR ${isMemberOf(actor)} OR ${own} OR ${reader})`;
}

/** Points `pt` an organiser may put in a plan: inside the plan's region and the actor's planning scope. */
export function plannablePoint(actor: Actor, planRegion: string): SQL {
  return sql`EXISTS (SELECT 1 FROM region pr, region pc WHERE pr.tenant_id = pt.tenant_id AND pr.code = ${planRegion}
      AND pc.tenant_id = pt.tenant_id AND pc.code = pt.region_code AND pc.path <@ pr.path)
    AND ${scopeFilter(actor, 'inspection.plan', { regionCode: sql`pt.region_code` })}`;
}

/** 403 without inspection.plan anywhere (the plan itself is then looked up in scope, else 404). */
export const requirePlanner = (actor: Actor) => requirePermission(actor, 'inspection.plan');
