// A plan's progress (points done / assigned per team) and its points with their latest inspection.
import type { InspectionPlanPointView, InspectionPlanProgress, Page } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db';
import { allOf, queryPage } from '../../platform/paging';
import { isMemberOf, isPlannerOf, pointInScope } from './inspection.policy';
import { num, planRegionCounts } from './plan.repository';
import { getPlan } from './plan.service';

const isDone = sql`EXISTS (SELECT 1 FROM inspection di WHERE di.tenant_id = pp.tenant_id AND di.plan_id = pp.plan_id
  AND di.point_id = pp.point_id)`;

/** Points done / assigned per team, and the unassigned rest. */
export async function planProgress(db: Db, actor: Actor, id: string): Promise<InspectionPlanProgress> {
  await getPlan(db, actor, id);
  const res = await db.execute(sql`SELECT t.id, t.name, count(pp.point_id)::int AS assigned,
      count(pp.point_id) FILTER (WHERE ${isDone})::int AS done
    FROM inspection_team t LEFT JOIN inspection_plan_point pp
      ON pp.tenant_id = t.tenant_id AND pp.plan_id = t.plan_id AND pp.team_id = t.id
    WHERE t.tenant_id = ${actor.tenantId} AND t.plan_id = ${id}
    GROUP BY t.id, t.name, t.position ORDER BY t.position, t.name`);
  const totals = await db.execute(sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE ${isDone})::int AS done,
      count(*) FILTER (WHERE pp.team_id IS NULL)::int AS unassigned
    FROM inspection_plan_point pp WHERE pp.tenant_id = ${actor.tenantId} AND pp.plan_id = ${id}`);
  const t = totals.rows[0] as { total: number; done: number; unassigned: number };
  const regions = await planRegionCounts(db, actor.tenantId, id);
  return {
    planId: id,
    total: Number(t.total),
    done: Number(t.done),
    unassigned: Number(t.unassigned),
    teams: res.rows.map((r: any) => ({
      teamId: r.id,
      name: r.name,
      assigned: Number(r.assigned),
      done: Number(r.done),
      percent: Number(r.assigned) ? Math.round((Number(r.done) / Number(r.assigned)) * 10_000) / 100 : null,
    })),
    regions: regions.map((r) => ({
      regionCode: r.region_code,
      regionName: r.region_name,
      count: Number(r.count),
      assigned: Number(r.assigned),
    })),
  };
}

/** Planners and team members see every point of the plan; readers only those in their scope. */
async function pointsVisibleTo(db: Db, actor: Actor, planId: string): Promise<SQL> {
  const res = await db.execute(sql`SELECT (${isPlannerOf(actor)} OR ${isMemberOf(actor)}) AS whole
    FROM inspection_plan p WHERE p.tenant_id = ${actor.tenantId} AND p.id = ${planId}`);
  if ((res.rows[0] as any)?.whole) return sql`true`;
  return pointInScope(actor, 'inspection.read', {
    pointId: sql`pt.id`,
    regionCode: sql`pt.region_code`,
    gridId: sql`pt.grid_id`,
  });
}

export interface PlanPointFilter {
  teamId?: string;
  done?: 'true' | 'false';
  pointType?: string;
}

/** The plan's points with their team and latest inspection, in region order. */
export async function listPlanPoints(
  db: Db,
  actor: Actor,
  planId: string,
  f: PlanPointFilter & { page: number; pageSize: number },
): Promise<Page<InspectionPlanPointView>> {
  await getPlan(db, actor, planId);
  const columns = sql`pt.id, pt.name, pt.point_type, pt.region_code, rg.name AS region_name, pt.address, pt.lat, pt.lng,
    pp.team_id, t.name AS team_name, li.id AS inspection_id, li.score`;
  const from = sql`inspection_plan_point pp
    JOIN point pt ON pt.tenant_id = pp.tenant_id AND pt.id = pp.point_id
    LEFT JOIN region rg ON rg.tenant_id = pt.tenant_id AND rg.code = pt.region_code
    LEFT JOIN inspection_team t ON t.tenant_id = pp.tenant_id AND t.id = pp.team_id
    LEFT JOIN LATERAL (SELECT i.id, i.score FROM inspection i WHERE i.tenant_id = pp.tenant_id AND i.plan_id = pp.plan_id
      AND i.point_id = pp.point_id ORDER BY i.received_at DESC LIMIT 1) li ON true`;
  const where = allOf(
    sql`pp.tenant_id = ${actor.tenantId} AND pp.plan_id = ${planId}`,
    await pointsVisibleTo(db, actor, planId),
    f.teamId ? sql`pp.team_id = ${f.teamId}` : null,
    f.pointType ? sql`pt.point_type = ${f.pointType}` : null,
    f.done === 'true' ? sql`li.id IS NOT NULL` : f.done === 'false' ? sql`li.id IS NULL` : null,
  );
  return queryPage(db, { columns, from, where, orderBy: sql`pt.region_code, pt.name, pt.id` }, f, (r: any) => ({
    pointId: r.id,
    name: r.name,
    pointType: r.point_type,
    regionCode: r.region_code,
    regionName: r.region_name,
    address: r.address,
    lat: num(r.lat),
    lng: num(r.lng),
    teamId: r.team_id,
    teamName: r.team_name,
    done: !!r.inspection_id,
    inspectionId: r.inspection_id,
    score: num(r.score),
  }));
}
