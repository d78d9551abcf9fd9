// The life of a task: transitions by the state machine of the contracts, and ledger entries (工作台账)
// with evidence that report progress. Every change is audited.
import { sqlTime } from '../../platform/sql';
import {
  type LedgerEntryBody,
  type LedgerEntryView,
  type Permission,
  type TaskAction,
  type TaskDetailView,
  type TaskState,
  nextTaskState,
  taskActionRole,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { assertFilesUsable, filesJson, ownUnitIds, taskScope } from './campaign.policy';
import { getTask } from './task.service';
import { isoOrNull } from '../../platform/clock';

const permissionFor = (action: TaskAction): Permission =>
  taskActionRole(action) === 'office' ? 'task.review' : 'task.report';

interface TaskRow {
  id: string;
  state: TaskState;
  version: number;
  unitIds: string[];
}

/** The task as the actor may act on it with the permission, locked for the change; 404 outside scope. */
async function lockTask(tx: Db, actor: Actor, id: string, permission: Permission): Promise<TaskRow> {
  const res = await tx.execute(sql`SELECT t.id, t.state, t.version,
      ARRAY(SELECT tu.unit_id FROM task_unit tu WHERE tu.tenant_id = t.tenant_id AND tu.task_id = t.id) AS unit_ids
    FROM task t WHERE t.tenant_id = ${actor.tenantId} AND t.id = ${id} AND ${taskScope(actor, permission)} FOR UPDATE`);
  const r = res.rows[0] as any;
  if (!r) throw fail('TASK_NOT_FOUND');
  return { id: r.id, state: r.state, version: r.version, unitIds: r.unit_ids ?? [] };
}

/** Move a locked task by an action; 409 TASK_TRANSITION_NOT_ALLOWED when the state machine has no such edge. */
async function applyTransition(
  tx: Db,
  actor: Actor,
  task: TaskRow,
  action: TaskAction,
  reason: string | null,
): Promise<TaskState> {
  const to = nextTaskState(task.state, action);
  if (!to) throw fail('TASK_TRANSITION_NOT_ALLOWED', { state: task.state, action });
  await tx.execute(sql`UPDATE task SET state = ${to}, version = version + 1, updated_at = ${sqlTime(actor.now)},
      last_reported_at = CASE WHEN ${action} = 'report' THEN ${sqlTime(actor.now)} ELSE last_reported_at END,
      accepted_at = CASE WHEN ${action} = 'accept' THEN ${sqlTime(actor.now)} ELSE accepted_at END
    WHERE tenant_id = ${actor.tenantId} AND id = ${task.id}`);
  await tx.execute(sql`INSERT INTO task_transition (tenant_id, id, task_id, action, from_state, to_state, reason,
      actor_id, actor_name, at)
    VALUES (${actor.tenantId}, ${newId()}, ${task.id}, ${action}, ${task.state}, ${to}, ${reason}, ${actor.accountId},
      ${actor.displayName}, ${sqlTime(actor.now)})`);
  await writeAudit(tx, actor, {
    action: `task.${action}`,
    objectType: 'task',
    objectId: task.id,
    before: { state: task.state },
    after: { state: to, reason },
  });
  return to;
}

/** Take an action on a task (start, accept, return with reason); a report goes through addLedgerEntry. */
export async function transitionTask(
  db: Db,
  actor: Actor,
  id: string,
  body: { action: 'start' | 'accept' | 'return'; reason?: string | null },
): Promise<TaskDetailView> {
  const permission = permissionFor(body.action);
  requirePermission(actor, permission);
  await db.transaction(async (tx) => {
    const task = await lockTask(tx, actor, id, permission);
    await applyTransition(tx, actor, task, body.action, body.reason ?? null);
  });
  return getTask(db, actor, id);
}

const ledgerColumns = sql`le.id, le.task_id, le.unit_id, u.name AS unit_name, le.text, le.created_by_name,
  le.created_at, ${filesJson(sql`le.file_ids`, sql`le.tenant_id`)} AS files`;
const ledgerFrom = sql`ledger_entry le LEFT JOIN unit u ON u.tenant_id = le.tenant_id AND u.id = le.unit_id`;

function toLedgerView(r: any): LedgerEntryView {
  return {
    id: r.id,
    taskId: r.task_id,
    unit: r.unit_id ? { id: r.unit_id, name: r.unit_name } : null,
    text: r.text,
    files: typeof r.files === 'string' ? JSON.parse(r.files) : r.files,
    createdBy: r.created_by_name,
    createdAt: isoOrNull(r.created_at)!,
  };
}

/** The ledger of a task, oldest first; 404 when the task is outside the actor's scope. */
export async function listLedger(db: Db, actor: Actor, taskId: string): Promise<LedgerEntryView[]> {
  await getTask(db, actor, taskId);
  const res = await db.execute(sql`SELECT ${ledgerColumns} FROM ${ledgerFrom}
    WHERE le.tenant_id = ${actor.tenantId} AND le.task_id = ${taskId} ORDER BY le.created_at, le.id`);
  return res.rows.map(toLedgerView);
}

async function findLedgerEntry(db: Db, tenantId: string, id: string) {
  const res = await db.execute(
    sql`SELECT ${ledgerColumns} FROM ${ledgerFrom} WHERE le.tenant_id = ${tenantId} AND le.id = ${id}`,
  );
  return res.rows[0] ? toLedgerView(res.rows[0]) : null;
}

/**
 * Report progress with text and evidence: the entry is stored and the task moves to `reported`. While the
 * task already awaits review the entry is added as a supplement; an accepted task takes no more entries (409).
 * A resend with the same client id answers the stored entry.
 */
export async function addLedgerEntry(
  db: Db,
  actor: Actor,
  taskId: string,
  body: LedgerEntryBody,
): Promise<{ entry: LedgerEntryView; created: boolean }> {
  requirePermission(actor, 'task.report');
  const id = body.id ?? newId();
  await assertFilesUsable(db, actor, body.fileIds);
  // The task's row lock also serialises resends of the same entry.
  const created = await db.transaction(async (tx) => {
    const task = await lockTask(tx, actor, taskId, 'task.report');
    const existing = await findLedgerEntry(tx, actor.tenantId, id);
    if (existing && existing.taskId !== taskId) throw fail('LEDGER_ENTRY_ID_TAKEN');
    if (existing) return false;
    const unitId = ownUnitIds(actor, 'task.report').find((u) => task.unitIds.includes(u)) ?? null;
    await tx.execute(sql`INSERT INTO ledger_entry (tenant_id, id, task_id, unit_id, text, file_ids, created_by, created_by_name,
        created_at)
      VALUES (${actor.tenantId}, ${id}, ${taskId}, ${unitId}, ${body.text}, ${sql.param(body.fileIds)}::uuid[],
        ${actor.accountId}, ${actor.displayName}, ${sqlTime(actor.now)})`);
    await writeAudit(tx, actor, {
      action: 'ledger.create',
      objectType: 'ledger_entry',
      objectId: id,
      after: { taskId, unitId, text: body.text, fileIds: body.fileIds },
    });
    if (task.state !== 'reported') await applyTransition(tx, actor, task, 'report', null);
    return true;
  });
  return { entry: (await findLedgerEntry(db, actor.tenantId, id))!, created };
}
