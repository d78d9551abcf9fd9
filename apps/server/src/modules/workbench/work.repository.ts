// The workbench's reads over campaign tasks, problems and inspections: counts by state, what falls due next, and
// what an inspector still has to visit. Every read goes through the owning module's scope filter.
import { openProblemStatuses } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, scopeFilter } from '../../platform/access';
import { iso } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { one, rows } from '../../platform/sql';
import { taskScope } from '../campaigns';
import { problemScope } from '../problems';

export interface StateCount {
  code: string;
  value: number;
}

export interface DueRow {
  id: string;
  title: string;
  due: string;
  overdue: boolean;
  /** The record the item belongs to, when its page is the parent's (a task's campaign). */
  parent_id: string | null;
}

/** Task states that still wait for the responsible unit. */
export const openTaskStates = ['assigned', 'in_progress', 'returned', 'overdue'] as const;

const openProblems = sql.param([...openProblemStatuses]);

/** Tasks in the actor's scope for a permission, counted by state. */
export async function countTasksByState(db: Db, actor: Actor, permission: 'task.report' | 'task.review') {
  return rows<StateCount>(
    db,
    sql`SELECT t.state AS code, count(*)::int AS value FROM task t
      WHERE t.tenant_id = ${actor.tenantId} AND ${taskScope(actor, permission)} GROUP BY t.state ORDER BY t.state`,
  );
}

/** Open tasks in scope, earliest deadline first; overdue when the deadline (a Shanghai date) is before today. */
export async function findTasksDue(db: Db, actor: Actor, permission: 'task.report' | 'task.review', today: string) {
  const states = permission === 'task.review' ? ['reported'] : [...openTaskStates];
  return rows<DueRow>(
    db,
    sql`SELECT t.id, t.title, t.deadline::text AS due, (t.deadline < ${today}::date) AS overdue, t.campaign_id AS parent_id
      FROM task t WHERE t.tenant_id = ${actor.tenantId} AND t.state = ANY(${sql.param(states)}::text[])
        AND ${taskScope(actor, permission)}
      ORDER BY t.deadline, t.id LIMIT 8`,
  );
}

type ProblemPermission = 'problem.read' | 'problem.assign' | 'problem.verify' | 'problem.rectify';

/** Problems in the actor's scope for a permission, counted by state (duplicates left out). */
export async function countProblemsByStatus(db: Db, actor: Actor, permission: ProblemPermission, own = false) {
  return rows<StateCount>(
    db,
    sql`SELECT p.status AS code, count(*)::int AS value FROM problem p
      WHERE p.tenant_id = ${actor.tenantId} AND ${problemScope(actor, permission)} AND p.status <> 'duplicate'
        ${own ? sql`AND p.reported_by = ${actor.accountId}::uuid` : sql``}
      GROUP BY p.status ORDER BY p.status`,
  );
}

/** Open problems in scope past their deadline at `now`. */
export async function countOverdueProblems(db: Db, actor: Actor, permission: ProblemPermission, now: Date) {
  const r = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM problem p WHERE p.tenant_id = ${actor.tenantId}
      AND ${problemScope(actor, permission)} AND p.status = ANY(${openProblems}::text[])
      AND p.deadline_at < ${iso(now)}::timestamptz`,
  );
  return r.n;
}

/** Problems in given states in scope, earliest deadline first (those without a deadline last). */
export async function findProblemsDue(
  db: Db,
  actor: Actor,
  permission: ProblemPermission,
  statuses: readonly string[],
  now: Date,
) {
  return rows<DueRow>(
    db,
    sql`SELECT p.id, p.number || ' ' || left(p.description, 40) AS title,
        coalesce(p.deadline_at, p.created_at) AS due, coalesce(p.deadline_at < ${iso(now)}::timestamptz, false) AS overdue,
        NULL::uuid AS parent_id
      FROM problem p WHERE p.tenant_id = ${actor.tenantId} AND p.status = ANY(${sql.param([...statuses])}::text[])
        AND ${problemScope(actor, permission)}
      ORDER BY p.deadline_at NULLS LAST, p.created_at, p.id LIMIT 8`,
  );
}

/** Plan points assigned to the inspector's teams in plans running today that nobody has inspected yet. */
export async function countPointsToInspect(db: Db, actor: Actor, today: string) {
  const r = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM inspection_plan_point pp
      JOIN inspection_plan pl ON pl.tenant_id = pp.tenant_id AND pl.id = pp.plan_id
      JOIN inspection_team_member m ON m.tenant_id = pp.tenant_id AND m.team_id = pp.team_id
        AND m.account_id = ${actor.accountId}::uuid
      WHERE pp.tenant_id = ${actor.tenantId} AND pl.status = 'published'
        AND pl.start_date <= ${today}::date AND pl.end_date >= ${today}::date
        AND NOT EXISTS (SELECT 1 FROM inspection i WHERE i.tenant_id = pp.tenant_id AND i.plan_id = pp.plan_id
          AND i.point_id = pp.point_id)`,
  );
  return r.n;
}

/** Published plans the inspector works on that end soonest. */
export async function findPlansDue(db: Db, actor: Actor, today: string) {
  return rows<DueRow>(
    db,
    sql`SELECT DISTINCT pl.id, pl.name AS title, pl.end_date::text AS due, (pl.end_date < ${today}::date) AS overdue,
        NULL::uuid AS parent_id
      FROM inspection_plan pl JOIN inspection_team_member m ON m.tenant_id = pl.tenant_id AND m.plan_id = pl.id
        AND m.account_id = ${actor.accountId}::uuid
      WHERE pl.tenant_id = ${actor.tenantId} AND pl.status = 'published' AND pl.end_date >= ${today}::date
      ORDER BY due, pl.id LIMIT 8`,
  );
}

/** Draft plans in the planner's region scope (sampled and assigned, not yet published). */
export async function countDraftPlans(db: Db, actor: Actor) {
  const r = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM inspection_plan pl WHERE pl.tenant_id = ${actor.tenantId}
      AND pl.status = 'draft' AND ${scopeFilter(actor, 'inspection.plan', { regionCode: sql`pl.region_code` })}`,
  );
  return r.n;
}

/** Inspections submitted since `from`: the actor's own, or all in the actor's read scope. */
export async function countInspectionsSince(db: Db, actor: Actor, from: Date, mine: boolean) {
  const who: SQL = mine
    ? sql`i.inspector_id = ${actor.accountId}::uuid`
    : scopeFilter(actor, 'inspection.read', { regionCode: sql`i.region_code` });
  const r = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM inspection i WHERE i.tenant_id = ${actor.tenantId}
      AND i.submitted_at >= ${iso(from)}::timestamptz AND ${who}`,
  );
  return r.n;
}

/** The latest finished region evaluation the actor may read, with its first level's 整改率 counts. */
export async function findLatestRectification(db: Db, actor: Actor) {
  const found = await rows<{ period_label: string; numerator: number | null; denominator: number | null }>(
    db,
    sql`SELECT e.period_label, (e.rates -> (e.levels ->> 0) -> 'rectification' ->> 'numerator')::int AS numerator,
        (e.rates -> (e.levels ->> 0) -> 'rectification' ->> 'denominator')::int AS denominator
      FROM evaluation e WHERE e.tenant_id = ${actor.tenantId} AND e.state = 'done' AND e.subject_kind = 'region'
        AND ${scopeFilter(actor, 'evaluation.read', { regionCode: sql`e.region_code` })}
      ORDER BY e.period_start DESC, e.version DESC, e.created_at DESC LIMIT 1`,
  );
  return found[0] ?? null;
}
