// What an inspection is about, in one query: the plan (and how the actor stands to it), the point in
// the plan's sample with its team, and whether an inspection with the client's id is stored already.
import type { InspectionPlanKind, InspectionPlanStatus, Permission, PointType } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, can, grantsFor } from '../../platform/access';
import type { Database, Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';

export interface TargetPlan {
  id: string;
  name: string;
  kind: InspectionPlanKind;
  status: InspectionPlanStatus;
  frameworkId: string;
  isPlanner: boolean;
  isMember: boolean;
  /** Planner, member, or a reader of a point of it (unless hidden). */
  readable: boolean;
}
export interface TargetPoint {
  id: string;
  name: string;
  pointType: PointType;
  regionCode: string;
  gridId: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  teamId: string | null;
  /** The actor is a member of the team the point is assigned to. */
  isAssigned: boolean;
  /** The point is inside the actor's inspection.read scope (region, pairing) and the plan does not hide it. */
  isReadable: boolean;
}
export interface Target {
  plan: TargetPlan | null;
  point: TargetPoint | null;
  /** The stored inspection with the id asked about, if any (its plan and point). */
  existing: { planId: string; pointId: string } | null;
  /** How many of the photos asked about have arrived and are the actor's (or readable by them). */
  usablePhotos: number;
}

/** A grant set for a permission as statement parameters: the whole tenant, region subtrees, units. */
function grantParams(actor: Actor, permission: Permission) {
  const grants = grantsFor(actor, permission);
  return {
    all: grants.some((g) => g.kind === 'all'),
    paths: grants.filter((g) => g.kind === 'region' && g.regionPath).map((g) => g.regionPath!),
    units: grants.filter((g) => g.kind === 'unit' && g.ref).map((g) => g.ref!),
  };
}

// One text for every actor, so that PostgreSQL prepares it once per connection: the actor's grants are
// parameters. It states the rules of inspection.policy (isPlannerOf, isMemberOf, pointInScope, planHidden)
// for these columns; the visibility tests hold both to the same answers.
const TARGET_SQL = `SELECT
  (SELECT json_build_object('planId', ei.plan_id, 'pointId', ei.point_id) FROM inspection ei
    WHERE ei.tenant_id = $1 AND ei.id = $4::uuid) AS existing,
  (SELECT count(*)::int FROM unnest($5::text[]::uuid[]) AS asked(id)
    JOIN file f ON f.tenant_id = $1 AND f.id = asked.id AND ($7::boolean OR f.uploaded_by = $6::uuid)) AS photos,
  p.id AS plan_id, p.name AS plan_name, p.kind, p.status, p.framework_id,
  ($8::boolean OR EXISTS (SELECT 1 FROM region sr WHERE sr.tenant_id = $1 AND sr.code = p.region_code
    AND sr.path <@ ANY($9::text[]::ltree[]))) AS is_planner,
  EXISTS (SELECT 1 FROM inspection_team_member vm WHERE vm.tenant_id = p.tenant_id AND vm.plan_id = p.id
    AND vm.account_id = $6::uuid) AS is_member,
  ($13::boolean AND pt.id IS NOT NULL AND NOT (p.kind = 'unannounced' AND p.results_published_at IS NULL) AND (
    $10::boolean
    OR EXISTS (SELECT 1 FROM region sr WHERE sr.tenant_id = $1 AND sr.code = pt.region_code
      AND sr.path <@ ANY($11::text[]::ltree[]))
    OR EXISTS (SELECT 1 FROM pairing pr WHERE pr.tenant_id = $1 AND pr.unit_id = ANY($12::text[]::uuid[]) AND (
      (pr.target_kind = 'point' AND pr.target_ref = pt.id::text)
      OR (pr.target_kind = 'grid' AND pr.target_ref = pt.grid_id::text)
      OR (pr.target_kind = 'region' AND EXISTS (SELECT 1 FROM region ra, region rb WHERE ra.tenant_id = pr.tenant_id
        AND ra.code = pr.target_ref AND rb.tenant_id = pr.tenant_id AND rb.code = pt.region_code
        AND rb.path <@ ra.path)))))) AS is_reader,
  pt.id AS point_id, pt.name AS point_name, pt.point_type, pt.region_code, pt.grid_id, pt.address, pt.lat, pt.lng,
  pp.team_id,
  EXISTS (SELECT 1 FROM inspection_team_member am WHERE am.tenant_id = pp.tenant_id AND am.team_id = pp.team_id
    AND am.account_id = $6::uuid) AS is_assigned
FROM (SELECT 1) one
LEFT JOIN inspection_plan p ON p.tenant_id = $1 AND p.id = $2::uuid
LEFT JOIN inspection_plan_point pp ON pp.tenant_id = p.tenant_id AND pp.plan_id = p.id AND pp.point_id = $3::uuid
LEFT JOIN point pt ON pt.tenant_id = pp.tenant_id AND pt.id = pp.point_id`;

/** A statement text with $n placeholders as drizzle SQL, for handles without prepared statements (transactions). */
function fromText(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(
    parts.map((part, i) => (i % 2 ? sql.param(values[Number(part) - 1]) : sql.raw(part))),
    sql``,
  );
}

/** What the target query runs on: the database (prepared statements) or any handle. */
export type TargetRunner = Pick<Database, 'prepared'> | Db;

/**
 * Load the plan, the point in its sample, an existing inspection id and the photos a submission refers to,
 * whatever of them exists, in one round trip (a prepared statement when given the Database).
 */
export async function loadTarget(
  runner: TargetRunner,
  actor: Actor,
  planId: string,
  pointId: string,
  ask: { inspectionId?: string; photoIds?: string[] } = {},
) {
  const plan = grantParams(actor, 'inspection.plan');
  const read = grantParams(actor, 'inspection.read');
  const values = [
    ...[actor.tenantId, planId, pointId, ask.inspectionId ?? null, ask.photoIds ?? [], actor.accountId],
    ...[can(actor, 'file.read'), plan.all, plan.paths, read.all, read.paths, read.units, can(actor, 'inspection.read')],
  ];
  const rows =
    'prepared' in runner
      ? await runner.prepared('inspection_target', TARGET_SQL, values)
      : (await runner.execute(fromText(TARGET_SQL, values))).rows;
  return toTarget(rows[0] as any);
}

function toTarget(r: any): Target {
  const existing = typeof r.existing === 'string' ? JSON.parse(r.existing) : r.existing;
  const plan: TargetPlan | null = r.plan_id
    ? {
        id: r.plan_id,
        name: r.plan_name,
        kind: r.kind,
        status: r.status,
        frameworkId: r.framework_id,
        isPlanner: !!r.is_planner,
        isMember: !!r.is_member,
        readable: !!(r.is_planner || r.is_member || r.is_reader),
      }
    : null;
  const point: TargetPoint | null = r.point_id
    ? {
        id: r.point_id,
        name: r.point_name,
        pointType: r.point_type,
        regionCode: r.region_code,
        gridId: r.grid_id,
        address: r.address,
        lat: r.lat === null ? null : Number(r.lat),
        lng: r.lng === null ? null : Number(r.lng),
        teamId: r.team_id,
        isAssigned: !!r.is_assigned,
        isReadable: !!r.is_reader,
      }
    : null;
  return { plan, point, existing: existing ?? null, usablePhotos: Number(r.photos ?? 0) };
}

/**
 * The plan and point of a submission or edit, checked: the plan is the actor's (planner or team member,
 * else 404), open (else 422), the point is in its sample (else 400) and assigned to the actor's team
 * unless the actor organises the plan (else 403).
 */
export function assertCanInspect(t: Target): { plan: TargetPlan; point: TargetPoint } {
  if (!t.plan || !(t.plan.isPlanner || t.plan.isMember)) throw fail('INSPECTION_PLAN_NOT_FOUND');
  if (t.plan.status !== 'published') throw fail('PLAN_NOT_OPEN', { status: t.plan.status });
  if (!t.point) throw invalidFields([{ field: 'pointId', key: 'not_in_plan' }]);
  if (!t.point.isAssigned && !t.plan.isPlanner) throw fail('POINT_NOT_ASSIGNED_TO_YOU');
  return { plan: t.plan, point: t.point };
}
