// A plan's sample of points (all of some types, seeded random per type, or hand-picked) and its
// split among the plan's teams.
import {
  type InspectionPlanView,
  type PlanAssignBody,
  type PlanSampleBody,
  type PlanSampleResult,
  type PointType,
  samplePoints,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { randomToken } from '../../platform/ids';
import { plannablePoint } from './inspection.policy';
import { touchPlan } from './plan.repository';
import { getPlan, lockPlanForPlanner } from './plan.service';

/** The region to draw from: the plan's, or one inside it. */
async function sampleRegion(tx: Db, tenantId: string, planRegion: string, wanted: string | null | undefined) {
  if (!wanted || wanted === planRegion) return planRegion;
  const res = await tx.execute(sql`SELECT 1 FROM region a, region b WHERE a.tenant_id = ${tenantId}
    AND a.code = ${planRegion} AND b.tenant_id = ${tenantId} AND b.code = ${wanted} AND b.path <@ a.path`);
  if (!res.rows.length) throw invalidFields([{ field: 'regionCode', key: 'not_in_region' }]);
  return wanted;
}

async function candidatesOf(tx: Db, actor: Actor, region: string, body: PlanSampleBody) {
  const types = body.pointTypes.length ? sql`AND pt.point_type = ANY(${sql.param(body.pointTypes)}::text[])` : sql``;
  const picked = body.mode === 'pick' ? sql`AND pt.id = ANY(${sql.param(body.pointIds ?? [])}::uuid[])` : sql``;
  const res = await tx.execute(sql`SELECT pt.id, pt.point_type FROM point pt WHERE pt.tenant_id = ${actor.tenantId}
    ${types} ${picked} AND ${plannablePoint(actor, region)}`);
  return res.rows.map((r: any) => ({ id: r.id as string, pointType: r.point_type as PointType }));
}

/** Draw the plan's sample again (a draft only): the same request and seed give the same points. */
export async function samplePlan(db: Db, actor: Actor, id: string, body: PlanSampleBody): Promise<PlanSampleResult> {
  return db.transaction(async (tx) => {
    const plan = await lockPlanForPlanner(tx, actor, id);
    if (plan.status !== 'draft') throw fail('PLAN_NOT_DRAFT', { status: plan.status });
    const region = await sampleRegion(tx, actor.tenantId, plan.regionCode, body.regionCode);
    const candidates = await candidatesOf(tx, actor, region, body);
    if (body.mode === 'pick' && candidates.length < new Set(body.pointIds).size)
      throw invalidFields([{ field: 'pointIds', key: 'not_in_region' }]);
    const seed = body.mode === 'random' ? (body.seed ?? randomToken(6)) : null;
    const ids = samplePoints(candidates, { ...body, seed });
    await tx.execute(sql`DELETE FROM inspection_plan_point WHERE tenant_id = ${actor.tenantId} AND plan_id = ${id}`);
    await tx.execute(sql`INSERT INTO inspection_plan_point (tenant_id, plan_id, point_id, position)
      SELECT ${actor.tenantId}, ${id}, x.id, x.n FROM unnest(${sql.param(ids)}::uuid[]) WITH ORDINALITY AS x(id, n)`);
    // A large sample changes the table's shape: fresh statistics keep the assignment's join on its keys.
    if (ids.length > 1000) await tx.execute(sql`ANALYZE inspection_plan_point`);
    const sample = { ...body, seed };
    await tx.execute(sql`UPDATE inspection_plan SET sample = ${JSON.stringify(sample)}::jsonb
      WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
    await touchPlan(tx, actor.tenantId, id, actor.now);
    const typeOf = new Map(candidates.map((c) => [c.id, c.pointType]));
    const byType: Partial<Record<PointType, number>> = {};
    for (const pid of ids) byType[typeOf.get(pid)!] = (byType[typeOf.get(pid)!] ?? 0) + 1;
    const result = { count: ids.length, byType, seed };
    await writeAudit(tx, actor, {
      action: 'inspection_plan.sample',
      objectType: 'inspection_plan',
      objectId: id,
      after: { ...result, mode: body.mode },
    });
    return result;
  });
}

/** Neighbouring points to one team: the sample in region order, cut into equal runs, one per team. */
async function assignByRegion(tx: Db, tenantId: string, id: string) {
  const teams = await tx.execute(
    sql`SELECT count(*)::int AS n FROM inspection_team WHERE tenant_id = ${tenantId} AND plan_id = ${id}`,
  );
  if (Number((teams.rows[0] as any).n) === 0) throw fail('PLAN_HAS_NO_TEAMS');
  // Team k of n takes the k-th run of the sample in region order (each point joined back by its key).
  await tx.execute(sql`WITH teams AS (
      SELECT t.id, row_number() OVER (ORDER BY t.position, t.name, t.id) - 1 AS tn
      FROM inspection_team t WHERE t.tenant_id = ${tenantId} AND t.plan_id = ${id}),
    ordered AS (
      SELECT pp.point_id,
        (row_number() OVER (ORDER BY pt.region_code, pt.name, pt.id) - 1) * (SELECT count(*) FROM teams) / count(*) OVER () AS tn
      FROM inspection_plan_point pp JOIN point pt ON pt.tenant_id = pp.tenant_id AND pt.id = pp.point_id
      WHERE pp.tenant_id = ${tenantId} AND pp.plan_id = ${id})
    UPDATE inspection_plan_point pp SET team_id = teams.id FROM ordered JOIN teams ON teams.tn = ordered.tn
    WHERE pp.tenant_id = ${tenantId} AND pp.plan_id = ${id} AND pp.point_id = ordered.point_id`);
}

async function assignManually(tx: Db, tenantId: string, id: string, teamId: string, pointIds: string[]) {
  const team = await tx.execute(
    sql`SELECT 1 FROM inspection_team WHERE tenant_id = ${tenantId} AND plan_id = ${id} AND id = ${teamId}`,
  );
  if (!team.rows.length) throw invalidFields([{ field: 'teamId', key: 'unknown_team' }]);
  const res = await tx.execute(sql`UPDATE inspection_plan_point SET team_id = ${teamId}
    WHERE tenant_id = ${tenantId} AND plan_id = ${id} AND point_id = ANY(${sql.param(pointIds)}::uuid[]) RETURNING point_id`);
  if (res.rows.length < new Set(pointIds).size) throw invalidFields([{ field: 'pointIds', key: 'not_in_plan' }]);
}

/** Split the sample among the teams (by region, or chosen points to one team); not once the plan is closed. */
export async function assignPlan(db: Db, actor: Actor, id: string, body: PlanAssignBody): Promise<InspectionPlanView> {
  await db.transaction(async (tx) => {
    const plan = await lockPlanForPlanner(tx, actor, id);
    if (plan.status === 'closed') throw fail('PLAN_CLOSED');
    if (body.strategy === 'by_region') await assignByRegion(tx, actor.tenantId, id);
    else await assignManually(tx, actor.tenantId, id, body.teamId, body.pointIds);
    await touchPlan(tx, actor.tenantId, id, actor.now);
    const after = body.strategy === 'manual' ? { ...body, pointIds: body.pointIds.length } : body;
    await writeAudit(tx, actor, {
      action: 'inspection_plan.assign',
      objectType: 'inspection_plan',
      objectId: id,
      after,
    });
  });
  return getPlan(db, actor, id);
}
