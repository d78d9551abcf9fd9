// Tasks of a campaign: create (freely or decomposed from an indicator), list with filters and scope, detail.
import {
  type TaskAction,
  type TaskActorRole,
  type TaskBody,
  type TaskDetailView,
  type TaskListQuery,
  allowedTaskActions,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { assertUnitsUsable, ownUnitIds, taskScope } from './campaign.policy';
import { getCampaign } from './campaign.service';
import { insertTasks, taskColumns, taskFilters, taskFrom, toTaskView } from './task.repository';
import { isoOrNull } from '../../platform/clock';

type Paged<T> = T & { page: number; pageSize: number };

/** Tasks in the actor's scope (a task is in scope when one of its units is), filtered and paged. */
export async function listTasks(db: Db, actor: Actor, f: Paged<Partial<TaskListQuery>>) {
  requirePermission(actor, 'campaign.read');
  const where = allOf(
    sql`t.tenant_id = ${actor.tenantId}`,
    taskScope(actor, 'campaign.read'),
    taskFilters(f, actor.now),
  );
  return queryPage(
    db,
    { columns: taskColumns(actor.now), from: taskFrom, where, orderBy: sql`t.deadline, t.id` },
    f,
    toTaskView,
  );
}

/** A liaison's tasks: those of the units they act for (lead or co-unit) or that name them as owner. */
export async function listMyTasks(db: Db, actor: Actor, f: Paged<Partial<TaskListQuery>>) {
  requirePermission(actor, 'task.report');
  const units = ownUnitIds(actor, 'task.report');
  const mine = allOf(
    sql`(EXISTS (SELECT 1 FROM task_unit mu WHERE mu.tenant_id = t.tenant_id AND mu.task_id = t.id
      AND mu.unit_id = ANY(${sql.param(units)}::uuid[])) OR t.owner_person_id = ${actor.personId})`,
  );
  const where = allOf(sql`t.tenant_id = ${actor.tenantId}`, mine, taskFilters(f, actor.now));
  return queryPage(
    db,
    { columns: taskColumns(actor.now), from: taskFrom, where, orderBy: sql`t.deadline, t.id` },
    f,
    toTaskView,
  );
}

/** One task with the actions the actor may take now and its history; 404 outside the actor's scope. */
export async function getTask(db: Db, actor: Actor, id: string): Promise<TaskDetailView> {
  requirePermission(actor, 'campaign.read');
  const res = await db.execute(sql`SELECT ${taskColumns(actor.now)}, ${taskScope(actor, 'task.report')} AS as_unit,
      ${taskScope(actor, 'task.review')} AS as_office
    FROM ${taskFrom} WHERE t.tenant_id = ${actor.tenantId} AND t.id = ${id} AND ${taskScope(actor, 'campaign.read')}`);
  const r = res.rows[0] as any;
  if (!r) throw fail('TASK_NOT_FOUND');
  const view = toTaskView(r);
  const roles: TaskActorRole[] = [...(r.as_unit ? ['unit' as const] : []), ...(r.as_office ? ['office' as const] : [])];
  const allowedActions = [...new Set(roles.flatMap((role) => allowedTaskActions(view.state, role)))];
  const hist = await db.execute(sql`SELECT action, from_state, to_state, reason, actor_name, at FROM task_transition
    WHERE tenant_id = ${actor.tenantId} AND task_id = ${id} ORDER BY at, id`);
  const history = hist.rows.map((h: any) => ({
    action: h.action as TaskAction,
    from: h.from_state,
    to: h.to_state,
    reason: h.reason,
    by: h.actor_name,
    at: isoOrNull(h.at)!,
  }));
  return { ...view, allowedActions, history };
}

/** The indicator must belong to a published (immutable) framework, and to the campaign's framework if it has one. */
async function assertIndicatorUsable(db: Db, tenantId: string, indicatorId: string, frameworkId: string | null) {
  const res = await db.execute(sql`SELECT i.framework_id FROM indicator i
    JOIN framework f ON f.tenant_id = i.tenant_id AND f.id = i.framework_id
    WHERE i.tenant_id = ${tenantId} AND i.id = ${indicatorId} AND f.status IN ('published', 'superseded')`);
  const r = res.rows[0] as { framework_id: string } | undefined;
  if (!r || (frameworkId && r.framework_id !== frameworkId))
    throw invalidFields([{ field: 'indicatorId', key: 'unknown_indicator' }]);
}

async function assertTaskRefs(db: Db, actor: Actor, campaignId: string, body: TaskBody) {
  const campaign = await getCampaign(db, actor, campaignId);
  if (body.actionId && !campaign.actions.some((a) => a.id === body.actionId))
    throw invalidFields([{ field: 'actionId', key: 'unknown_action' }]);
  if (body.coUnitIds.includes(body.leadUnitId)) throw invalidFields([{ field: 'coUnitIds', key: 'lead_is_co_unit' }]);
  if (body.indicatorId) await assertIndicatorUsable(db, actor.tenantId, body.indicatorId, campaign.frameworkId);
  await assertUnitsUsable(db, actor, 'campaign.manage', [
    { field: 'leadUnitId', unitIds: [body.leadUnitId] },
    { field: 'coUnitIds', unitIds: body.coUnitIds },
  ]);
  if (body.ownerPersonId) {
    const p = await db.execute(
      sql`SELECT 1 FROM person WHERE tenant_id = ${actor.tenantId} AND id = ${body.ownerPersonId}`,
    );
    if (!p.rows.length) throw invalidFields([{ field: 'ownerPersonId', key: 'unknown_person' }]);
  }
}

/** Assign one task to a lead unit and co-units; a resend with the same id creates it once. */
export async function createTask(db: Db, actor: Actor, campaignId: string, body: TaskBody): Promise<TaskDetailView> {
  requirePermission(actor, 'campaign.manage');
  await assertTaskRefs(db, actor, campaignId, body);
  const id = body.id ?? newId();
  await db.transaction(async (tx) => {
    const created = await insertTasks(tx, actor.tenantId, actor.accountId, [
      {
        id,
        campaignId,
        actionId: body.actionId ?? null,
        indicatorId: body.indicatorId ?? null,
        title: body.title,
        description: body.description ?? null,
        leadUnitId: body.leadUnitId,
        coUnitIds: [...new Set(body.coUnitIds)],
        ownerPersonId: body.ownerPersonId ?? null,
        deadline: body.deadline,
        cadence: body.cadence,
      },
    ]);
    if (created.length)
      await writeAudit(tx, actor, {
        action: 'task.create',
        objectType: 'task',
        objectId: id,
        after: { campaignId, ...body },
      });
  });
  return getTask(db, actor, id);
}
