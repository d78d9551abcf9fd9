// The life of a problem: every action goes through the state machine of the contracts, needs its permission and
// a scope that covers the problem (404 outside), keeps its photos and reason in the history, and is audited.
import { sqlTime } from '../../platform/sql';
import {
  type ProblemAction,
  type ProblemDetailView,
  type ProblemSeverity,
  type ProblemStatus,
  type ProblemTransitionBody,
  nextProblemStatus,
  problemActionPermissions,
  problemActionPhotoKinds,
  problemDeadline,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { ensureProblemScan } from './problem-deadlines';
import { getProblemSettings } from './problem-settings.service';
import { assertPhotosUsable, problemScope } from './problem.policy';
import { getProblem } from './problem.service';

interface LockedProblem {
  id: string;
  status: ProblemStatus;
  severity: ProblemSeverity;
  assignedUnitId: string | null;
  deadlineAt: string | null;
  version: number;
}

/** The problem as the actor may act on it with the permission, locked for the change; 404 outside that scope. */
async function lockProblem(tx: Db, actor: Actor, id: string, action: ProblemAction): Promise<LockedProblem> {
  const res = await tx.execute(sql`SELECT p.id, p.status, p.severity, p.assigned_unit_id, p.deadline_at, p.version
    FROM problem p
    WHERE p.tenant_id = ${actor.tenantId} AND p.id = ${id}
      AND ${problemScope(actor, problemActionPermissions[action])} FOR UPDATE`);
  const r = res.rows[0] as any;
  if (!r) throw fail('PROBLEM_NOT_FOUND');
  const deadlineAt = r.deadline_at ? new Date(r.deadline_at).toISOString() : null;
  return {
    id: r.id,
    status: r.status,
    severity: r.severity,
    assignedUnitId: r.assigned_unit_id,
    deadlineAt,
    version: r.version,
  };
}

/** What an action changes besides the status; `undefined` keeps a column as it is. */
interface Effect {
  unitId?: string | null;
  severity?: ProblemSeverity;
  deadline?: Date | null;
  duplicateOf?: string;
  closed?: boolean;
}

async function assertUnitExists(tx: Db, tenantId: string, unitId: string): Promise<void> {
  const res = await tx.execute(sql`SELECT 1 FROM unit WHERE tenant_id = ${tenantId} AND id = ${unitId}`);
  if (!res.rows.length) throw invalidFields([{ field: 'unitId', key: 'unknown_unit' }]);
}

/** Verification looks at the after-photos of the latest submission: photos of a returned round do not count. */
async function assertAfterPhoto(tx: Db, tenantId: string, problemId: string): Promise<void> {
  const res = await tx.execute(sql`SELECT count(*)::int AS n FROM problem_photo ph
    WHERE ph.tenant_id = ${tenantId} AND ph.problem_id = ${problemId} AND ph.kind = 'after'
      AND ph.transition_id = (SELECT t.id FROM problem_transition t WHERE t.tenant_id = ${tenantId}
        AND t.problem_id = ${problemId} AND t.action = 'submit' ORDER BY t.at DESC, t.id DESC LIMIT 1)`);
  if (Number((res.rows[0] as { n: number }).n) === 0) throw fail('PROBLEM_AFTER_PHOTO_REQUIRED');
}

async function assertDuplicateTarget(tx: Db, tenantId: string, id: string, original: string): Promise<void> {
  if (original === id) throw fail('PROBLEM_DUPLICATE_OF_ITSELF');
  const res = await tx.execute(sql`SELECT 1 FROM problem WHERE tenant_id = ${tenantId} AND id = ${original}`);
  if (!res.rows.length) throw invalidFields([{ field: 'duplicateOf', key: 'unknown_problem' }]);
}

/** The checks and changes of one action beyond the state machine. */
async function effectOf(tx: Db, actor: Actor, p: LockedProblem, body: ProblemTransitionBody): Promise<Effect> {
  const freshDeadline = async (severity: ProblemSeverity) =>
    problemDeadline(severity, actor.now, await getProblemSettings(tx, actor.tenantId));
  switch (body.action) {
    case 'assign':
    case 'reassign': {
      await assertUnitExists(tx, actor.tenantId, body.unitId!);
      const severity = body.severity ?? p.severity;
      return { unitId: body.unitId!, severity, deadline: await freshDeadline(severity) };
    }
    case 'reject_dispute':
    case 'reopen':
      // The deadline stood still while the unit disputed; a problem found again gets a new one.
      return { deadline: await freshDeadline(p.severity), closed: false };
    case 'verify':
      await assertAfterPhoto(tx, actor.tenantId, p.id);
      return {};
    case 'close':
      return { closed: true };
    case 'mark_duplicate':
      await assertDuplicateTarget(tx, actor.tenantId, p.id, body.duplicateOf!);
      return { duplicateOf: body.duplicateOf!, closed: true };
    default:
      return {};
  }
}

async function applyEffect(tx: Db, actor: Actor, p: LockedProblem, to: ProblemStatus, e: Effect): Promise<void> {
  const newDeadline = e.deadline !== undefined;
  await tx.execute(sql`UPDATE problem SET status = ${to},
      assigned_unit_id = ${e.unitId !== undefined ? e.unitId : p.assignedUnitId},
      severity = ${e.severity ?? p.severity},
      deadline_at = ${newDeadline ? (e.deadline?.toISOString() ?? null) : p.deadlineAt},
      reminded_at = CASE WHEN ${newDeadline} THEN NULL ELSE reminded_at END,
      overdue_at = CASE WHEN ${newDeadline} THEN NULL ELSE overdue_at END,
      escalated_at = CASE WHEN ${newDeadline} THEN NULL ELSE escalated_at END,
      duplicate_of = COALESCE(${e.duplicateOf ?? null}::uuid, duplicate_of),
      closed_at = CASE WHEN ${e.closed === true} THEN ${sqlTime(actor.now)} WHEN ${e.closed === false} THEN NULL ELSE closed_at END,
      version = version + 1, updated_at = ${sqlTime(actor.now)}
    WHERE tenant_id = ${actor.tenantId} AND id = ${p.id}`);
}

async function recordTransition(
  tx: Db,
  actor: Actor,
  p: LockedProblem,
  body: ProblemTransitionBody,
  to: ProblemStatus,
  e: Effect,
): Promise<void> {
  const transitionId = newId();
  const unitId = e.unitId !== undefined ? e.unitId : p.assignedUnitId;
  await tx.execute(sql`INSERT INTO problem_transition (tenant_id, id, problem_id, action, from_status, to_status, actor_id,
      actor_name, unit_id, reason, at)
    VALUES (${actor.tenantId}, ${transitionId}, ${p.id}, ${body.action}, ${p.status}, ${to}, ${actor.accountId},
      ${actor.displayName}, ${unitId}, ${body.reason ?? null}, ${sqlTime(actor.now)})`);
  const kind = problemActionPhotoKinds[body.action];
  if (kind && body.photoFileIds.length)
    await tx.execute(sql`INSERT INTO problem_photo (tenant_id, problem_id, file_id, kind, transition_id, created_at)
      SELECT ${actor.tenantId}, ${p.id}, f, ${kind}, ${transitionId}, ${sqlTime(actor.now)} FROM unnest(${sql.param(body.photoFileIds)}::uuid[]) AS f
      ON CONFLICT (tenant_id, problem_id, file_id) DO UPDATE SET kind = EXCLUDED.kind, transition_id = EXCLUDED.transition_id`);
  await writeAudit(tx, actor, {
    action: `problem.${body.action}`,
    objectType: 'problem',
    objectId: p.id,
    before: { status: p.status, assignedUnitId: p.assignedUnitId, deadlineAt: p.deadlineAt },
    after: {
      status: to,
      assignedUnitId: unitId,
      reason: body.reason ?? null,
      photoFileIds: body.photoFileIds,
      deadlineAt: e.deadline === undefined ? p.deadlineAt : (e.deadline?.toISOString() ?? null),
      duplicateOf: e.duplicateOf ?? null,
    },
  });
}

/**
 * Take an action on a problem: 403 without the action's permission, 404 outside its scope, 409
 * PROBLEM_TRANSITION_NOT_ALLOWED when the state machine has no such edge, 422 to verify without an after-photo.
 */
export async function transitionProblem(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: ProblemTransitionBody,
): Promise<ProblemDetailView> {
  requirePermission(actor, problemActionPermissions[body.action]);
  await assertPhotosUsable(ctx.db, actor, body.photoFileIds, 'photoFileIds');
  await ctx.db.transaction(async (tx) => {
    const p = await lockProblem(tx, actor, id, body.action);
    if (body.version !== undefined && body.version !== p.version)
      throw fail('STALE_VERSION', { version: p.version, status: p.status });
    const to = nextProblemStatus(p.status, body.action);
    if (!to) throw fail('PROBLEM_TRANSITION_NOT_ALLOWED', { status: p.status, action: body.action });
    const effect = await effectOf(tx, actor, p, body);
    await applyEffect(tx, actor, p, to, effect);
    await recordTransition(tx, actor, p, body, to, effect);
    if (effect.deadline) await ensureProblemScan(tx, ctx.jobs, actor.tenantId, actor.now);
  });
  return getProblem(ctx, actor, id);
}
