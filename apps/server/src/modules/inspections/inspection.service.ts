// Submitting and editing inspections from the phone. A submission carries the client's id: a resend
// stores nothing twice. Findings become problems in the same transaction; every change is audited.
import {
  type InspectionSubmitBody,
  type InspectionUpdateBody,
  type InspectionReceipt,
  type InspectionView,
  scoreInspection,
} from '@wenming/contracts';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { type Finished, type IdempotencyKey, storedAnswer } from '../../platform/idempotency';
import { type Checklist, loadChecklist } from './checklist.service';
import { DEFAULT_FINDING_CATEGORY, raiseFindings } from './findings';
import { checkEvidence, checkSubmission, photoIdsOf } from './inspection-check';
import { type Written, writeSubmission } from './inspection-writer';
import { type TargetPlan, type TargetPoint, assertCanInspect, loadTarget } from './inspection-target';
import { inspectionReadable } from './inspection.policy';
import {
  type InspectionRow,
  type ObservationRow,
  deleteObservations,
  insertObservations,
  lockObservationProblems,
  selectInspection,
  selectReceipt,
  updateInspectionRow,
} from './inspection.repository';

type Submission = Omit<InspectionSubmitBody, 'id' | 'planId' | 'pointId'>;

/** One inspection the actor may read (planners, its plan's teams, its inspector, readers of its point), or 404. */
export async function getInspection(db: Db, actor: Actor, id: string): Promise<InspectionView> {
  const found = await selectInspection(db, actor.tenantId, id, inspectionReadable(actor));
  if (!found) throw fail('INSPECTION_NOT_FOUND');
  return found;
}

function buildRow(
  ids: { id: string; planId: string; frameworkId: string; inspectorId: string | null; teamId: string | null },
  point: TargetPoint,
  list: Checklist,
  body: Submission,
  now: Date,
): InspectionRow {
  const negatives = body.negativeItems.map((n) => list.negativeById.get(n.negativeItemId)!);
  return {
    ...ids,
    pointId: point.id,
    pointType: point.pointType,
    regionCode: point.regionCode,
    gridId: point.gridId,
    startedAt: body.startedAt,
    submittedAt: body.submittedAt,
    clientTime: body.clientTime,
    receivedAt: now.toISOString(),
    gps: body.gps ?? null,
    note: body.note ?? null,
    score: scoreInspection(list.standards, body.observations, negatives),
    negativeItems: body.negativeItems.map((n) => ({ ...n, note: n.note ?? null })),
    findingCount: body.observations.filter((o) => o.result === 'not_met').length,
  };
}

function observationRows(
  row: InspectionRow,
  body: Submission,
  problemOf: (o: { id: string; indicatorId: string }) => string | null,
): ObservationRow[] {
  return body.observations.map((o, position) => ({
    id: o.id,
    inspection_id: row.id,
    indicator_id: o.indicatorId,
    position,
    result: o.result,
    note: o.note ?? null,
    photo_file_ids: o.photoFileIds,
    finding_category:
      o.result === 'not_met' ? (o.findingCategory ?? DEFAULT_FINDING_CATEGORY) : (o.findingCategory ?? null),
    severity: o.severity ?? null,
    finding_count: o.findingCount ?? null,
    level: o.level ?? null,
    awarded: o.awarded ?? null,
    earned: row.score.perStandard[o.indicatorId] ?? null,
    problem_id: problemOf(o),
    submitted_at: row.submittedAt,
  }));
}

/** The receipt of a submission just written, without reading it back. */
function receiptOf(row: InspectionRow, obs: ObservationRow[], receivedAt: string): InspectionReceipt {
  const s = row.score;
  return {
    ...{ id: row.id, planId: row.planId, pointId: row.pointId, version: 1, receivedAt, score: s.score },
    ...{ earned: s.earned, applicable: s.applicable, negativeDeduction: s.negativeDeduction, vetoed: s.vetoed },
    ...{ suspended: s.suspended, findingCount: row.findingCount },
    problems: obs
      .filter((o) => o.problem_id)
      .map((o) => ({ observationId: o.id, indicatorId: o.indicator_id, problemId: o.problem_id! })),
  };
}

const auditSummary = (row: InspectionRow) => ({
  planId: row.planId,
  pointId: row.pointId,
  score: row.score.score,
  earned: row.score.earned,
  applicable: row.score.applicable,
  observations: row.score.perStandard,
  findings: row.findingCount,
  negativeItems: row.negativeItems.map((n) => n.negativeItemId),
});

/** An observation id already used by another inspection (a client reusing ids) is a 409, not a 500. */
function observationIdTaken(err: any): never {
  const cause = err?.cause ?? err;
  if (cause?.code === '23505' && String(cause?.constraint ?? '').startsWith('inspection_observation'))
    throw fail('OBSERVATION_ID_TAKEN');
  throw err;
}

/** The receipt of the stored inspection for a resent id, or 409 when the id belongs to something the actor cannot see. */
async function storedFor(db: Db, actor: Actor, id: string): Promise<InspectionReceipt> {
  const found = await selectReceipt(db, actor.tenantId, id, inspectionReadable(actor));
  if (!found) throw fail('INSPECTION_ID_TAKEN');
  return found;
}

/**
 * Write a checked submission: the inspection, its findings as problems, its observations and the audit
 * event, in one transaction shared with submissions arriving at the same time. Null when the id exists.
 */
export async function persistSubmission(
  ctx: AppContext,
  actor: Actor,
  target: { plan: TargetPlan; point: TargetPoint; list: Checklist },
  body: InspectionSubmitBody,
  idem: IdempotencyKey | null = null,
): Promise<InspectionReceipt | null> {
  const { plan, point, list } = target;
  const ids = {
    id: body.id,
    planId: plan.id,
    frameworkId: plan.frameworkId,
    inspectorId: actor.accountId,
    teamId: point.teamId,
  };
  const row = buildRow(ids, point, list, body, actor.now);
  const observations = (problemOf: (id: string) => string | null) => observationRows(row, body, (o) => problemOf(o.id));
  const receipt = (w: Written) => receiptOf(row, w.obs, w.times.receivedAt);
  const answer = idem?.inWrite ? { idem, body: receipt } : undefined;
  const item = { actor, row, body, list, point, observations, audit: auditSummary(row), answer };
  const stored = await writeSubmission(ctx, item).catch(observationIdTaken);
  if (stored && answer) idem!.settled = true;
  return stored && receipt(stored);
}

/** A known id: the answer stored with its Idempotency-Key (replayed as is), else the stored inspection (200). */
async function answerExisting(
  ctx: AppContext,
  actor: Actor,
  id: string,
  idem: IdempotencyKey | null,
): Promise<{ created: false; inspection: InspectionReceipt } | { replay: Finished }> {
  const answer = idem?.inWrite ? await storedAnswer(ctx.database, idem) : null;
  return answer ? { replay: answer } : { created: false, inspection: await storedFor(ctx.db, actor, id) };
}

/**
 * Store an inspection from the phone: checked against the plan, the point's checklist and the photos sent
 * before; scored; findings become problems. A known id answers the stored inspection (`created: false`), or
 * the answer stored with the request's Idempotency-Key (`replay`). An in-write key is stored with the write.
 */
export async function submitInspection(
  ctx: AppContext,
  actor: Actor,
  body: InspectionSubmitBody,
  idem: IdempotencyKey | null = null,
): Promise<{ created: boolean; inspection: InspectionReceipt } | { replay: Finished }> {
  requirePermission(actor, 'inspection.perform');
  const ask = { inspectionId: body.id, photoIds: photoIdsOf(body) };
  const target = await loadTarget(ctx.database, actor, body.planId, body.pointId, ask);
  if (target.existing) return answerExisting(ctx, actor, body.id, idem);
  const { plan, point } = assertCanInspect(target);
  const list = await loadChecklist(ctx.db, actor.tenantId, plan.frameworkId, point.pointType);
  checkSubmission(list, body);
  await checkEvidence(ctx.db, actor, body, target.usablePhotos);
  const view = await persistSubmission(ctx, actor, { plan, point, list }, body, idem);
  return view ? { created: true, inspection: view } : answerExisting(ctx, actor, body.id, idem);
}

/**
 * Edit an inspection (its observations replaced) with the version the client saw: a stale version is
 * 409 STALE_VERSION with the stored one in details.current. New findings become problems; a standard
 * keeps the problem it raised before.
 */
export async function updateInspection(ctx: AppContext, actor: Actor, id: string, body: InspectionUpdateBody) {
  requirePermission(actor, 'inspection.perform');
  const current = await getInspection(ctx.db, actor, id);
  const target = await loadTarget(ctx.db, actor, current.planId, current.pointId);
  if (target.plan?.status === 'closed') throw fail('PLAN_CLOSED');
  const { plan, point } = assertCanInspect(target);
  if (body.version !== current.version) throw fail('STALE_VERSION', { current });
  const list = await loadChecklist(ctx.db, actor.tenantId, plan.frameworkId, point.pointType);
  checkSubmission(list, body);
  await checkEvidence(ctx.db, actor, body);
  const ids = {
    id,
    planId: plan.id,
    frameworkId: plan.frameworkId,
    inspectorId: current.inspectorId,
    teamId: current.teamId,
  };
  const row = buildRow(ids, point, list, body, actor.now);
  await ctx.db
    .transaction(async (tx) => {
      if (!(await updateInspectionRow(tx, actor.tenantId, body.version, row, actor.accountId)))
        throw fail('STALE_VERSION', { current: await getInspection(tx, actor, id) });
      const raised = await lockObservationProblems(tx, actor.tenantId, id);
      await deleteObservations(tx, actor.tenantId, id);
      const place = { inspectionId: id, pointId: point.id, gridId: point.gridId, regionCode: point.regionCode };
      const problems = await raiseFindings(tx, ctx, actor, place, list, body.observations, raised);
      const obs = observationRows(row, body, (o) => raised.get(o.indicatorId) ?? problems.get(o.id) ?? null);
      await insertObservations(tx, actor.tenantId, obs);
      const before = { score: current.score, findings: current.findingCount, version: current.version };
      await writeAudit(tx, actor, {
        action: 'inspection.update',
        objectType: 'inspection',
        objectId: id,
        before,
        after: auditSummary(row),
      });
    })
    .catch(observationIdTaken);
  return getInspection(ctx.db, actor, id);
}
