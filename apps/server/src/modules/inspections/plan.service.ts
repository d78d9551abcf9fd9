// Inspection plans (督查/测评计划): list, read, create, edit, delete, and the life cycle
// draft → published → closed, plus publishing the results of an unannounced plan (暗访).
import { sqlTime } from '../../platform/sql';
import type { InspectionPlanCreateBody, InspectionPlanUpdateBody, InspectionPlanView, Page } from '@wenming/contracts';
import { monthRange } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, regionRoots } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { AppError, invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { likePattern } from '../../platform/search-text';
import { isPlannerOf, planReadable, requireAnyInspectionPermission, requirePlanner } from './inspection.policy';
import { type PlanRow, findPlanView, lockPlanRow, planColumns, planFrom, toPlanView } from './plan.repository';

export interface PlanFilter {
  status?: string;
  kind?: string;
  period?: string;
  q?: string;
}

/** Plans the actor may see: planners in scope, team members, and readers of announced plans touching their scope. */
export async function listPlans(
  db: Db,
  actor: Actor,
  f: PlanFilter & { page: number; pageSize: number },
): Promise<Page<InspectionPlanView>> {
  requireAnyInspectionPermission(actor);
  const month = f.period ? monthRange(f.period) : null;
  const where = allOf(
    sql`p.tenant_id = ${actor.tenantId}`,
    planReadable(actor),
    f.status ? sql`p.status = ${f.status}` : null,
    f.kind ? sql`p.kind = ${f.kind}` : null,
    month ? sql`p.start_date <= ${month.endDate}::date AND p.end_date >= ${month.startDate}::date` : null,
    f.q ? sql`lower(p.name) LIKE ${likePattern(f.q)}` : null,
  );
  const orderBy = sql`p.start_date DESC, p.created_at DESC, p.id`;
  return queryPage(db, { columns: planColumns, from: planFrom, where, orderBy }, f, toPlanView);
}

/** One plan the actor may see, or 404 (an unannounced plan is not found by the inspected). */
export async function getPlan(db: Db, actor: Actor, id: string): Promise<InspectionPlanView> {
  requireAnyInspectionPermission(actor);
  const found = await findPlanView(db, actor.tenantId, id, planReadable(actor));
  if (!found) throw fail('INSPECTION_PLAN_NOT_FOUND');
  return found;
}

/** Lock a plan the actor organises for a change inside the caller's transaction, else 404. */
export async function lockPlanForPlanner(tx: Db, actor: Actor, id: string): Promise<PlanRow> {
  requirePlanner(actor);
  const row = await lockPlanRow(tx, actor.tenantId, id, isPlannerOf(actor));
  if (!row) throw fail('INSPECTION_PLAN_NOT_FOUND');
  return row;
}

async function assertPublishedFramework(db: Db, actor: Actor, frameworkId: string) {
  const res = await db.execute(sql`SELECT 1 FROM framework WHERE tenant_id = ${actor.tenantId}
    AND id = ${frameworkId} AND status = 'published'`);
  if (!res.rows.length) throw invalidFields([{ field: 'frameworkId', key: 'unknown_framework' }]);
}

/** The plan's region: the given one inside the actor's planning scope, else the scope's (or the tenant's) root. */
async function planRegion(db: Db, actor: Actor, code: string | null | undefined): Promise<string> {
  const roots = regionRoots(actor, 'inspection.plan');
  if (!code) {
    const res = roots?.length
      ? await db.execute(sql`SELECT code FROM region WHERE tenant_id = ${actor.tenantId} AND path = ${roots[0]}::ltree`)
      : await db.execute(sql`SELECT root_region_code AS code FROM tenant WHERE id = ${actor.tenantId}`);
    const found = (res.rows[0] as { code: string | null } | undefined)?.code;
    if (found) return found;
    throw invalidFields([{ field: 'regionCode', key: 'required' }]);
  }
  const res = await db.execute(sql`SELECT path::text AS path FROM region WHERE tenant_id = ${actor.tenantId}
    AND code = ${code} AND status = 'active'`);
  const path = (res.rows[0] as { path: string } | undefined)?.path;
  if (!path || (roots !== null && !roots.some((r) => path === r || path.startsWith(`${r}.`))))
    throw invalidFields([{ field: 'regionCode', key: 'unknown_region' }]);
  return code;
}

const datesOf = (b: { period?: string | null; startDate?: string | null; endDate?: string | null }) =>
  b.period ? monthRange(b.period) : { startDate: b.startDate!, endDate: b.endDate! };

/** A new draft plan; a resend with the same client id answers the stored one. */
export async function createPlan(db: Db, actor: Actor, body: InspectionPlanCreateBody): Promise<InspectionPlanView> {
  requirePlanner(actor);
  const id = body.id ?? newId();
  const existing = await findPlanView(db, actor.tenantId, id, isPlannerOf(actor));
  if (existing) return existing;
  await assertPublishedFramework(db, actor, body.frameworkId);
  const regionCode = await planRegion(db, actor, body.regionCode);
  const { startDate, endDate } = datesOf(body);
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO inspection_plan (tenant_id, id, name, framework_id, kind, period, start_date,
        end_date, region_code, note, created_by)
      VALUES (${actor.tenantId}, ${id}, ${body.name}, ${body.frameworkId}, ${body.kind}, ${body.period ?? null},
        ${startDate}, ${endDate}, ${regionCode}, ${body.note ?? null}, ${actor.accountId})`);
    const after = { ...body, regionCode, startDate, endDate };
    await writeAudit(tx, actor, {
      action: 'inspection_plan.create',
      objectType: 'inspection_plan',
      objectId: id,
      after,
    });
  });
  return getPlan(db, actor, id);
}

/** Edit a plan with its version; framework, kind and region only while it is a draft. */
export async function updatePlan(
  db: Db,
  actor: Actor,
  id: string,
  body: InspectionPlanUpdateBody,
): Promise<InspectionPlanView> {
  await db.transaction(async (tx) => {
    const before = await lockPlanForPlanner(tx, actor, id);
    if (before.version !== body.version) throw fail('STALE_VERSION', { current: await getPlan(tx, actor, id) });
    if (before.status === 'closed') throw fail('PLAN_CLOSED');
    const regionCode = await planRegion(tx, actor, body.regionCode ?? before.regionCode);
    const changesCore =
      body.frameworkId !== before.frameworkId || body.kind !== before.kind || regionCode !== before.regionCode;
    if (changesCore && before.status !== 'draft') throw fail('PLAN_NOT_DRAFT');
    if (body.frameworkId !== before.frameworkId) await assertPublishedFramework(tx, actor, body.frameworkId);
    const { startDate, endDate } = datesOf(body);
    await tx.execute(sql`UPDATE inspection_plan SET name = ${body.name}, framework_id = ${body.frameworkId},
        kind = ${body.kind}, period = ${body.period ?? null}, start_date = ${startDate}, end_date = ${endDate},
        region_code = ${regionCode}, note = ${body.note ?? null}, version = version + 1, updated_at = ${sqlTime(actor.now)}
      WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
    // A draft moved to another region keeps only the sampled points inside it.
    if (regionCode !== before.regionCode)
      await tx.execute(sql`DELETE FROM inspection_plan_point pp USING point pt, region pc, region pr
        WHERE pp.tenant_id = ${actor.tenantId} AND pp.plan_id = ${id} AND pt.tenant_id = pp.tenant_id
          AND pt.id = pp.point_id AND pc.tenant_id = pt.tenant_id AND pc.code = pt.region_code
          AND pr.tenant_id = pt.tenant_id AND pr.code = ${regionCode} AND NOT (pc.path <@ pr.path)`);
    const after = { ...body, regionCode, startDate, endDate };
    await writeAudit(tx, actor, {
      action: 'inspection_plan.update',
      objectType: 'inspection_plan',
      objectId: id,
      before,
      after,
    });
  });
  return getPlan(db, actor, id);
}

/** Delete a plan that has no inspections yet (with its teams and sample). */
export async function deletePlan(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockPlanForPlanner(tx, actor, id);
    const used = await tx.execute(
      sql`SELECT 1 FROM inspection WHERE tenant_id = ${actor.tenantId} AND plan_id = ${id} LIMIT 1`,
    );
    if (used.rows.length) throw fail('PLAN_HAS_INSPECTIONS');
    await tx.execute(
      sql`UPDATE questionnaire SET plan_id = NULL WHERE tenant_id = ${actor.tenantId} AND plan_id = ${id}`,
    );
    await tx.execute(sql`DELETE FROM inspection_plan WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
    await writeAudit(tx, actor, {
      action: 'inspection_plan.delete',
      objectType: 'inspection_plan',
      objectId: id,
      before,
    });
  });
}

async function assertReadyToPublish(tx: Db, tenantId: string, id: string) {
  const res = await tx.execute(sql`SELECT
      (SELECT count(*)::int FROM inspection_plan_point WHERE tenant_id = ${tenantId} AND plan_id = ${id}) AS points,
      (SELECT count(*)::int FROM inspection_plan_point WHERE tenant_id = ${tenantId} AND plan_id = ${id}
        AND team_id IS NULL) AS unassigned,
      (SELECT count(*)::int FROM inspection_team WHERE tenant_id = ${tenantId} AND plan_id = ${id}) AS teams`);
  const c = res.rows[0] as { points: number; unassigned: number; teams: number };
  if (Number(c.points) === 0) throw fail('PLAN_EMPTY');
  if (Number(c.teams) === 0) throw fail('PLAN_HAS_NO_TEAMS');
  if (Number(c.unassigned) > 0) throw fail('PLAN_POINTS_UNASSIGNED', { count: Number(c.unassigned) });
}

const steps = {
  publish: {
    from: ['draft'],
    set: (now: Date) => sql`status = 'published', published_at = ${sqlTime(now)}`,
    error: 'PLAN_NOT_DRAFT',
  },
  close: {
    from: ['published'],
    set: (now: Date) => sql`status = 'closed', closed_at = ${sqlTime(now)}`,
    error: 'PLAN_NOT_PUBLISHED',
  },
  publishResults: {
    from: ['published', 'closed'],
    set: (now: Date) => sql`results_published_at = COALESCE(results_published_at, ${sqlTime(now)})`,
    error: 'PLAN_NOT_PUBLISHED',
  },
} as const;
export type PlanStep = keyof typeof steps;

/** Publish a plan to its teams, close it, or publish its results (which reveals an unannounced plan). */
export async function stepPlan(db: Db, actor: Actor, id: string, step: PlanStep): Promise<InspectionPlanView> {
  const s = steps[step];
  await db.transaction(async (tx) => {
    const before = await lockPlanForPlanner(tx, actor, id);
    if (!(s.from as readonly string[]).includes(before.status))
      throw new AppError(s.error, 409, { status: before.status });
    if (step === 'publish') await assertReadyToPublish(tx, actor.tenantId, id);
    await tx.execute(sql`UPDATE inspection_plan SET ${s.set(actor.now)}, version = version + 1, updated_at = ${sqlTime(actor.now)}
      WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
    const action = `inspection_plan.${step === 'publishResults' ? 'publish_results' : step}`;
    await writeAudit(tx, actor, {
      action,
      objectType: 'inspection_plan',
      objectId: id,
      before: { status: before.status },
    });
  });
  return getPlan(db, actor, id);
}
