// Self-assessment (自查自评): a unit scores itself against a published framework with notes and evidence; the
// office's acceptance check (考核验收) scores the same indicators on its own side. Both are kept.
import { sqlTime } from '../../platform/sql';
import type { AssessmentSide, IndicatorScoresBody, SelfAssessmentView } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { conflict, invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { assertFilesUsable, unitScope } from './campaign.policy';
import { getScopedUnit } from './notice.service';
import { isoOrNull } from '../../platform/clock';

const total = (side: AssessmentSide) =>
  sql`(SELECT sum(sc.score) FROM assessment_score sc WHERE sc.tenant_id = sa.tenant_id
    AND sc.self_assessment_id = sa.id AND sc.side = ${side})`;
const columns = sql`sa.id, sa.unit_id, u.name AS unit_name, sa.framework_id, f.name AS framework_name,
  f.version AS framework_version, sa.campaign_id, sa.title, sa.status, sa.report_file_id, sa.submitted_at,
  sa.checked_at, sa.return_reason, sa.returned_at, sa.created_at, ${total('self')} AS self_total, ${total('office')} AS office_total`;
const from = sql`self_assessment sa JOIN unit u ON u.tenant_id = sa.tenant_id AND u.id = sa.unit_id
  JOIN framework f ON f.tenant_id = sa.tenant_id AND f.id = sa.framework_id`;
const scope = (actor: Actor) => unitScope(actor, 'campaign.read', sql`u.id`, sql`u.region_code`);

function toView(r: any): SelfAssessmentView {
  return {
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name },
    framework: { id: r.framework_id, name: r.framework_name, version: r.framework_version },
    campaignId: r.campaign_id,
    title: r.title,
    status: r.status,
    reportFileId: r.report_file_id,
    selfTotal: Number(r.self_total ?? 0),
    officeTotal: r.office_total === null ? null : Number(r.office_total),
    submittedAt: isoOrNull(r.submitted_at),
    checkedAt: isoOrNull(r.checked_at),
    returnReason: r.return_reason ?? null,
    returnedAt: isoOrNull(r.returned_at),
    createdAt: isoOrNull(r.created_at)!,
  };
}

/** Self-assessments of the units in the actor's scope. */
export async function listSelfAssessments(
  db: Db,
  actor: Actor,
  f: { unitId?: string; frameworkId?: string; status?: string; page: number; pageSize: number },
) {
  requirePermission(actor, 'campaign.read');
  const where = allOf(
    sql`sa.tenant_id = ${actor.tenantId}`,
    scope(actor),
    f.unitId ? sql`sa.unit_id = ${f.unitId}` : null,
    f.frameworkId ? sql`sa.framework_id = ${f.frameworkId}` : null,
    f.status ? sql`sa.status = ${f.status}` : null,
  );
  return queryPage(db, { columns, from, where, orderBy: sql`sa.created_at DESC, sa.id` }, f, toView);
}

/** One self-assessment; 404 when its unit is outside the actor's scope. */
export async function getSelfAssessment(db: Db, actor: Actor, id: string): Promise<SelfAssessmentView> {
  requirePermission(actor, 'campaign.read');
  const res = await db.execute(sql`SELECT ${columns} FROM ${from}
    WHERE sa.tenant_id = ${actor.tenantId} AND sa.id = ${id} AND ${scope(actor)}`);
  if (!res.rows[0]) throw fail('SELF_ASSESSMENT_NOT_FOUND');
  return toView(res.rows[0]);
}

/** Open a self-assessment of a unit against a published framework; a resend with the same id opens it once. */
export async function createSelfAssessment(
  db: Db,
  actor: Actor,
  body: { id?: string; unitId: string; frameworkId: string; campaignId?: string | null; title?: string | null },
): Promise<SelfAssessmentView> {
  requirePermission(actor, 'selfassessment.manage');
  await getScopedUnit(db, actor, body.unitId, 'selfassessment.manage');
  const fw =
    await db.execute(sql`SELECT name FROM framework WHERE tenant_id = ${actor.tenantId} AND id = ${body.frameworkId}
    AND status = 'published'`);
  if (!fw.rows[0]) throw invalidFields([{ field: 'frameworkId', key: 'unknown_framework' }]);
  if (body.campaignId) {
    const c = await db.execute(
      sql`SELECT 1 FROM campaign WHERE tenant_id = ${actor.tenantId} AND id = ${body.campaignId}`,
    );
    if (!c.rows[0]) throw invalidFields([{ field: 'campaignId', key: 'invalid_value' }]);
  }
  const id = body.id ?? newId();
  const title = body.title || `${(fw.rows[0] as any).name}自查自评`;
  await db.transaction(async (tx) => {
    const res =
      await tx.execute(sql`INSERT INTO self_assessment (tenant_id, id, unit_id, framework_id, campaign_id, title,
        created_by)
      VALUES (${actor.tenantId}, ${id}, ${body.unitId}, ${body.frameworkId}, ${body.campaignId ?? null}, ${title},
        ${actor.accountId}) ON CONFLICT DO NOTHING RETURNING id`);
    if (res.rows.length)
      await writeAudit(tx, actor, {
        action: 'selfassessment.create',
        objectType: 'self_assessment',
        objectId: id,
        after: body,
      });
  });
  return getSelfAssessment(db, actor, id);
}

/** Indicators of the framework named by the scores, with their points; 400 naming the bad entries. */
async function checkScores(db: Db, tenantId: string, frameworkId: string, scores: IndicatorScoresBody['scores']) {
  const ids = scores.map((s) => s.indicatorId);
  const res = await db.execute(sql`SELECT id, points FROM indicator WHERE tenant_id = ${tenantId}
    AND framework_id = ${frameworkId} AND id = ANY(${sql.param(ids)}::uuid[])`);
  const points = new Map(res.rows.map((r: any) => [r.id as string, r.points === null ? null : Number(r.points)]));
  const problems: { field: string; key: string }[] = [];
  scores.forEach((s, i) => {
    if (!points.has(s.indicatorId)) problems.push({ field: `scores.${i}.indicatorId`, key: 'unknown_indicator' });
    else if ((points.get(s.indicatorId) ?? Number.POSITIVE_INFINITY) < s.score)
      problems.push({ field: `scores.${i}.score`, key: 'score_above_points' });
  });
  if (problems.length) throw invalidFields(problems);
}

/** States in which the unit may still score and submit: drafting, or returned by the office for rework. */
export const unitEditableStates = ['draft', 'returned'];

/** Who may score a side, and in which states: the unit while drafting, the office once submitted. */
const sideRules = {
  self: { permission: 'selfassessment.manage', states: unitEditableStates, refused: 'SELF_ASSESSMENT_SUBMITTED' },
  office: { permission: 'task.review', states: ['submitted', 'checked'], refused: 'SELF_ASSESSMENT_NOT_SUBMITTED' },
} as const;

/** Record scores (with notes and evidence) on one side; the office's scores mark the assessment checked. */
export async function saveScores(
  db: Db,
  actor: Actor,
  id: string,
  side: AssessmentSide,
  body: IndicatorScoresBody,
): Promise<SelfAssessmentView> {
  const rule = sideRules[side];
  requirePermission(actor, rule.permission);
  const before = await getSelfAssessment(db, actor, id);
  await getScopedUnit(db, actor, before.unit.id, rule.permission).catch(() => {
    throw fail('SELF_ASSESSMENT_NOT_FOUND');
  });
  if (!(rule.states as readonly string[]).includes(before.status)) throw conflict(rule.refused);
  await checkScores(db, actor.tenantId, before.framework.id, body.scores);
  await assertFilesUsable(db, actor, [...new Set(body.scores.flatMap((s) => s.fileIds))], 'scores');
  const s = body.scores;
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO assessment_score (tenant_id, self_assessment_id, indicator_id, side, score, note,
        file_ids, scored_by)
      SELECT ${actor.tenantId}, ${id}, x.indicator_id, ${side}, x.score, x.note,
        COALESCE((SELECT array_agg(v::uuid) FROM jsonb_array_elements_text(x.files) v), '{}'), ${actor.accountId}
      FROM unnest(${sql.param(s.map((x) => x.indicatorId))}::uuid[], ${sql.param(s.map((x) => x.score))}::numeric[],
        ${sql.param(s.map((x) => x.note ?? null))}::text[], ${sql.param(s.map((x) => JSON.stringify(x.fileIds)))}::jsonb[])
        AS x(indicator_id, score, note, files)
      ON CONFLICT (tenant_id, self_assessment_id, indicator_id, side) DO UPDATE SET score = EXCLUDED.score,
        note = EXCLUDED.note, file_ids = EXCLUDED.file_ids, scored_by = EXCLUDED.scored_by, scored_at = ${sqlTime(actor.now)}`);
    if (side === 'office')
      await tx.execute(sql`UPDATE self_assessment SET status = 'checked', checked_at = ${sqlTime(actor.now)}
        WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
    await writeAudit(tx, actor, {
      action: side === 'self' ? 'selfassessment.score' : 'selfassessment.office_check',
      objectType: 'self_assessment',
      objectId: id,
      after: { scores: s },
    });
  });
  return getSelfAssessment(db, actor, id);
}

/** The office returns a submitted self-assessment to the unit with a reason; the unit rescores and resubmits. */
export async function returnSelfAssessment(
  db: Db,
  actor: Actor,
  id: string,
  reason: string,
): Promise<SelfAssessmentView> {
  requirePermission(actor, sideRules.office.permission);
  const before = await getSelfAssessment(db, actor, id);
  await getScopedUnit(db, actor, before.unit.id, sideRules.office.permission).catch(() => {
    throw fail('SELF_ASSESSMENT_NOT_FOUND');
  });
  if (before.status !== 'submitted') throw fail('SELF_ASSESSMENT_NOT_SUBMITTED');
  await db.transaction(async (tx) => {
    const res = await tx.execute(sql`UPDATE self_assessment SET status = 'returned', return_reason = ${reason},
        returned_at = ${sqlTime(actor.now)}
      WHERE tenant_id = ${actor.tenantId} AND id = ${id} AND status = 'submitted' RETURNING id`);
    if (!res.rows.length) throw fail('SELF_ASSESSMENT_NOT_SUBMITTED');
    await writeAudit(tx, actor, {
      action: 'selfassessment.return',
      objectType: 'self_assessment',
      objectId: id,
      before: { status: 'submitted' },
      after: { status: 'returned', reason },
    });
  });
  return getSelfAssessment(db, actor, id);
}
