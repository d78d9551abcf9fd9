// Queries of inspection plans and their teams; no rules here.
import type { InspectionPlanView } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { rows } from '../../platform/sql';
import { isoOrNull } from '../../platform/clock';

/** A timestamp column as ISO text, or null. */
/** A numeric column as a number, or null. */
export const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
/** A json column (objects from both drivers, text from some casts). */
export const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

const teamsJson = sql`COALESCE((SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'position', t.position,
    'members', COALESCE((SELECT json_agg(json_build_object('accountId', m.account_id, 'displayName', a.display_name,
        'isLeader', m.is_leader) ORDER BY m.is_leader DESC, a.display_name)
      FROM inspection_team_member m JOIN account a ON a.tenant_id = m.tenant_id AND a.id = m.account_id
      WHERE m.tenant_id = t.tenant_id AND m.team_id = t.id), '[]'::json),
    'pointCount', (SELECT count(*)::int FROM inspection_plan_point tp
      WHERE tp.tenant_id = t.tenant_id AND tp.plan_id = t.plan_id AND tp.team_id = t.id))
    ORDER BY t.position, t.name)
  FROM inspection_team t WHERE t.tenant_id = p.tenant_id AND t.plan_id = p.id), '[]'::json)`;

export const planColumns = sql`p.id, p.name, p.framework_id, f.name AS framework_name, p.kind, p.period,
  p.start_date::text AS start_date, p.end_date::text AS end_date, p.region_code, rg.name AS region_name, p.status,
  p.note, p.sample, p.published_at, p.closed_at, p.results_published_at, p.version, p.created_at,
  (SELECT count(*)::int FROM inspection_plan_point pp WHERE pp.tenant_id = p.tenant_id AND pp.plan_id = p.id) AS point_count,
  (SELECT count(DISTINCT di.point_id)::int FROM inspection di WHERE di.tenant_id = p.tenant_id AND di.plan_id = p.id)
    AS done_count,
  ${teamsJson} AS teams`;
export const planFrom = sql`inspection_plan p
  JOIN framework f ON f.tenant_id = p.tenant_id AND f.id = p.framework_id
  LEFT JOIN region rg ON rg.tenant_id = p.tenant_id AND rg.code = p.region_code`;

/** A row of planColumns as the plan view. */
export function toPlanView(r: any): InspectionPlanView {
  return {
    id: r.id,
    name: r.name,
    frameworkId: r.framework_id,
    frameworkName: r.framework_name,
    kind: r.kind,
    period: r.period,
    startDate: r.start_date,
    endDate: r.end_date,
    regionCode: r.region_code,
    regionName: r.region_name,
    status: r.status,
    note: r.note,
    sample: r.sample ? json(r.sample) : null,
    publishedAt: isoOrNull(r.published_at),
    closedAt: isoOrNull(r.closed_at),
    resultsPublishedAt: isoOrNull(r.results_published_at),
    pointCount: Number(r.point_count ?? 0),
    doneCount: Number(r.done_count ?? 0),
    teams: json(r.teams ?? '[]'),
    version: Number(r.version),
    createdAt: isoOrNull(r.created_at)!,
  };
}

/** One plan of the tenant matching a condition on `p`, as a view, or null. */
export async function findPlanView(
  db: Db,
  tenantId: string,
  id: string,
  where: SQL,
): Promise<InspectionPlanView | null> {
  const res = await db.execute(sql`SELECT ${planColumns} FROM ${planFrom}
    WHERE p.tenant_id = ${tenantId} AND p.id = ${id} AND ${where}`);
  return res.rows[0] ? toPlanView(res.rows[0]) : null;
}

export interface PlanRow {
  id: string;
  name: string;
  frameworkId: string;
  kind: string;
  period: string | null;
  startDate: string;
  endDate: string;
  regionCode: string;
  status: 'draft' | 'published' | 'closed';
  note: string | null;
  version: number;
  resultsPublishedAt: string | null;
}

/** The plan row matching a condition on `p`, locked for this transaction, or null. */
export async function lockPlanRow(tx: Db, tenantId: string, id: string, where: SQL): Promise<PlanRow | null> {
  const res =
    await tx.execute(sql`SELECT p.id, p.name, p.framework_id, p.kind, p.period, p.start_date::text AS start_date,
      p.end_date::text AS end_date, p.region_code, p.status, p.note, p.version, p.results_published_at
    FROM inspection_plan p WHERE p.tenant_id = ${tenantId} AND p.id = ${id} AND ${where} FOR UPDATE`);
  const r = res.rows[0] as any;
  if (!r) return null;
  return {
    id: r.id,
    name: r.name,
    frameworkId: r.framework_id,
    kind: r.kind,
    period: r.period,
    startDate: r.start_date,
    endDate: r.end_date,
    regionCode: r.region_code,
    status: r.status,
    note: r.note,
    version: Number(r.version),
    resultsPublishedAt: isoOrNull(r.results_published_at),
  };
}

/** Bump the plan's version after a change of its sample, teams or assignment. */
export async function touchPlan(tx: Db, tenantId: string, id: string, now: Date): Promise<void> {
  await tx.execute(sql`UPDATE inspection_plan SET version = version + 1, updated_at = ${now.toISOString()}::timestamptz
    WHERE tenant_id = ${tenantId} AND id = ${id}`);
}

interface RegionCountRow {
  region_code: string;
  region_name: string | null;
  count: number;
  assigned: number;
}

/** The plan's sample counted per region of its points (and how many of them have a team), in region order. */
export function planRegionCounts(db: Db, tenantId: string, planId: string): Promise<RegionCountRow[]> {
  return rows<RegionCountRow>(
    db,
    sql`SELECT pt.region_code, rg.name AS region_name, count(*)::int AS count,
      count(pp.team_id)::int AS assigned
    FROM inspection_plan_point pp JOIN point pt ON pt.tenant_id = pp.tenant_id AND pt.id = pp.point_id
      LEFT JOIN region rg ON rg.tenant_id = pt.tenant_id AND rg.code = pt.region_code
    WHERE pp.tenant_id = ${tenantId} AND pp.plan_id = ${planId}
    GROUP BY pt.region_code, rg.name ORDER BY pt.region_code`,
  );
}
