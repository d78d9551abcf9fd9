// Questionnaires (问卷调查): created by the office (survey.manage), filled in by inspectors with residents
// or by residents through a public link whose token starts with the tenant id.
import type {
  Page,
  QuestionnaireBody,
  QuestionnaireUpdateBody,
  QuestionnaireView,
  SurveyQuestion,
  SurveyQuestionBody,
} from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, can, regionRoots, requirePermission, scopeFilter } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { forbidden, invalidFields, fail } from '../../platform/errors';
import { newId, randomToken } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { isPlannerOf } from './inspection.policy';
import { json } from './plan.repository';
import { isoOrNull } from '../../platform/clock';

/** The questionnaire `q` is the actor's to manage: survey.manage over its region. */
export const managesQuestionnaire = (actor: Actor) =>
  scopeFilter(actor, 'survey.manage', { regionCode: sql`q.region_code` });

/** Region `code` overlaps the actor's scope for a permission (one contains the other). */
export function regionOverlaps(actor: Actor, permission: 'inspection.perform', code: SQL): SQL {
  const roots = regionRoots(actor, permission);
  if (roots === null) return sql`true`;
  if (!roots.length) return sql`false`;
  return sql`EXISTS (SELECT 1 FROM region qr WHERE qr.tenant_id = ${actor.tenantId} AND qr.code = ${code}
    AND (qr.path @> ANY(${sql.param(roots)}::text[]::ltree[]) OR qr.path <@ ANY(${sql.param(roots)}::text[]::ltree[])))`;
}

/** An inspector may fill in `q`: open (unless `anyStatus`), of a plan whose team they are in, or standalone over their area. */
export function fillsQuestionnaire(actor: Actor, anyStatus = false): SQL {
  if (!can(actor, 'inspection.perform') || !actor.accountId) return sql`false`;
  return sql`(${anyStatus ? sql`true` : sql`q.status = 'open'`} AND CASE WHEN q.plan_id IS NOT NULL
    THEN EXISTS (SELECT 1 FROM inspection_team_member qm WHERE qm.tenant_id = q.tenant_id AND qm.plan_id = q.plan_id
      AND qm.account_id = ${actor.accountId})
    ELSE ${regionOverlaps(actor, 'inspection.perform', sql`q.region_code`)} END)`;
}

const columns = (actor: Actor) => sql`q.id, q.title, q.description, q.plan_id, q.region_code, rg.name AS region_name,
  q.indicator_id, q.is_public, CASE WHEN ${managesQuestionnaire(actor)} THEN q.public_token END AS public_token,
  q.status, q.questions, q.version, q.created_at,
  (SELECT count(*)::int FROM survey_response sr WHERE sr.tenant_id = q.tenant_id AND sr.questionnaire_id = q.id) AS responses`;
const from = sql`questionnaire q LEFT JOIN region rg ON rg.tenant_id = q.tenant_id AND rg.code = q.region_code`;

function toView(r: any): QuestionnaireView {
  return {
    ...{ id: r.id, title: r.title, description: r.description, planId: r.plan_id, regionCode: r.region_code },
    ...{ regionName: r.region_name, indicatorId: r.indicator_id, isPublic: !!r.is_public, publicToken: r.public_token },
    ...{ status: r.status, questions: json(r.questions), responseCount: Number(r.responses ?? 0) },
    ...{ version: Number(r.version), createdAt: isoOrNull(r.created_at)! },
  };
}

/** Questionnaires the actor manages or may fill in, newest first. */
export async function listQuestionnaires(
  db: Db,
  actor: Actor,
  f: { planId?: string; status?: string; page: number; pageSize: number },
): Promise<Page<QuestionnaireView>> {
  if (!can(actor, 'survey.manage') && !can(actor, 'inspection.perform')) throw forbidden();
  const where = allOf(
    sql`q.tenant_id = ${actor.tenantId}`,
    sql`(${managesQuestionnaire(actor)} OR ${fillsQuestionnaire(actor)})`,
    f.planId ? sql`q.plan_id = ${f.planId}` : null,
    f.status ? sql`q.status = ${f.status}` : null,
  );
  return queryPage(db, { columns: columns(actor), from, where, orderBy: sql`q.created_at DESC, q.id` }, f, toView);
}

/** One questionnaire the actor manages or may fill in, else 404. */
export async function getQuestionnaire(db: Db, actor: Actor, id: string, manage = false): Promise<QuestionnaireView> {
  if (!can(actor, 'survey.manage') && !can(actor, 'inspection.perform')) throw forbidden();
  const visible = manage
    ? managesQuestionnaire(actor)
    : sql`(${managesQuestionnaire(actor)} OR ${fillsQuestionnaire(actor)})`;
  const res = await db.execute(sql`SELECT ${columns(actor)} FROM ${from}
    WHERE q.tenant_id = ${actor.tenantId} AND q.id = ${id} AND ${visible}`);
  if (!res.rows[0]) throw fail('QUESTIONNAIRE_NOT_FOUND');
  return toView(res.rows[0]);
}

/** A public token: the tenant id (base64url, 22 characters) then 24 random characters. */
export function publicTokenFor(tenantId: string): string {
  return Buffer.from(tenantId.replace(/-/g, ''), 'hex').toString('base64url') + randomToken(18);
}

const withIds = (questions: SurveyQuestionBody[]): SurveyQuestion[] =>
  questions.map((q, i) => ({ id: q.id ?? `q${i + 1}`, kind: q.kind, scale: q.scale, text: q.text }));

/** The region asked: given (inside the actor's survey scope), else the plan's, else the actor's or the tenant's root. */
async function questionnaireRegion(db: Db, actor: Actor, body: QuestionnaireBody): Promise<string> {
  if (body.planId) {
    const plan = await db.execute(sql`SELECT p.region_code FROM inspection_plan p WHERE p.tenant_id = ${actor.tenantId}
      AND p.id = ${body.planId} AND ${isPlannerOf(actor)}`);
    if (!plan.rows.length) throw invalidFields([{ field: 'planId', key: 'unknown_plan' }]);
    if (!body.regionCode) return (plan.rows[0] as any).region_code;
  }
  const roots = regionRoots(actor, 'survey.manage');
  const res = body.regionCode
    ? await db.execute(
        sql`SELECT code, path::text AS path FROM region WHERE tenant_id = ${actor.tenantId} AND code = ${body.regionCode}`,
      )
    : roots?.length
      ? await db.execute(
          sql`SELECT code, path::text AS path FROM region WHERE tenant_id = ${actor.tenantId} AND path = ${roots[0]}::ltree`,
        )
      : await db.execute(sql`SELECT r.code, r.path::text AS path FROM tenant t JOIN region r ON r.tenant_id = t.id
          AND r.code = t.root_region_code WHERE t.id = ${actor.tenantId}`);
  const r = res.rows[0] as { code: string; path: string } | undefined;
  if (!r || (roots !== null && !roots.some((p) => r.path === p || r.path.startsWith(`${p}.`))))
    throw invalidFields([{ field: 'regionCode', key: 'unknown_region' }]);
  return r.code;
}

async function assertIndicator(db: Db, tenantId: string, indicatorId: string | null | undefined) {
  if (!indicatorId) return;
  const res = await db.execute(sql`SELECT 1 FROM indicator WHERE tenant_id = ${tenantId} AND id = ${indicatorId}`);
  if (!res.rows.length) throw invalidFields([{ field: 'indicatorId', key: 'unknown_indicator' }]);
}

/** A new open questionnaire; a public one gets its link token. A resend with the same client id changes nothing. */
export async function createQuestionnaire(db: Db, actor: Actor, body: QuestionnaireBody): Promise<QuestionnaireView> {
  requirePermission(actor, 'survey.manage');
  const id = body.id ?? newId();
  const seen = await db.execute(sql`SELECT 1 FROM questionnaire WHERE tenant_id = ${actor.tenantId} AND id = ${id}`);
  if (seen.rows.length) return getQuestionnaire(db, actor, id, true);
  const regionCode = await questionnaireRegion(db, actor, body);
  await assertIndicator(db, actor.tenantId, body.indicatorId);
  const questions = withIds(body.questions);
  const token = body.isPublic ? publicTokenFor(actor.tenantId) : null;
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO questionnaire (tenant_id, id, title, description, plan_id, region_code, indicator_id,
        questions, is_public, public_token, created_by)
      VALUES (${actor.tenantId}, ${id}, ${body.title}, ${body.description ?? null}, ${body.planId ?? null}, ${regionCode},
        ${body.indicatorId ?? null}, ${JSON.stringify(questions)}::jsonb, ${body.isPublic}, ${token}, ${actor.accountId})`);
    const after = { ...body, regionCode, questions };
    await writeAudit(tx, actor, { action: 'questionnaire.create', objectType: 'questionnaire', objectId: id, after });
  });
  return getQuestionnaire(db, actor, id, true);
}

/** Edit with the version: questions change only while nobody has answered; closing stops new answers. */
export async function updateQuestionnaire(db: Db, actor: Actor, id: string, body: QuestionnaireUpdateBody) {
  requirePermission(actor, 'survey.manage');
  const current = await getQuestionnaire(db, actor, id, true);
  if (current.version !== body.version) throw fail('STALE_VERSION', { current });
  const questions = withIds(body.questions);
  const same = (qs: SurveyQuestion[]) => JSON.stringify(qs.map((q) => [q.id, q.kind, q.scale, q.text]));
  if (current.responseCount > 0 && same(questions) !== same(current.questions))
    throw fail('QUESTIONNAIRE_HAS_RESPONSES');
  const regionCode = await questionnaireRegion(db, actor, body);
  await assertIndicator(db, actor.tenantId, body.indicatorId);
  const token = body.isPublic ? (current.publicToken ?? publicTokenFor(actor.tenantId)) : current.publicToken;
  await db.transaction(async (tx) => {
    const res =
      await tx.execute(sql`UPDATE questionnaire SET title = ${body.title}, description = ${body.description ?? null},
        plan_id = ${body.planId ?? null}, region_code = ${regionCode}, indicator_id = ${body.indicatorId ?? null},
        questions = ${JSON.stringify(questions)}::jsonb, is_public = ${body.isPublic}, public_token = ${token},
        status = ${body.status}, version = version + 1
      WHERE tenant_id = ${actor.tenantId} AND id = ${id} AND version = ${body.version} RETURNING id`);
    if (!res.rows.length) throw fail('STALE_VERSION', { current: await getQuestionnaire(tx, actor, id, true) });
    const after = { ...body, regionCode, questions };
    await writeAudit(tx, actor, {
      action: 'questionnaire.update',
      objectType: 'questionnaire',
      objectId: id,
      before: current,
      after,
    });
  });
  return getQuestionnaire(db, actor, id, true);
}
