// Answers to questionnaires: taken on the phone by an inspector with a resident, or given by a resident
// through the public link. Both carry a client id: a resend stores nothing twice.
import {
  type PublicResponseBody,
  type PublicSurveyView,
  type SurveyQuestion,
  type SurveyResponseBody,
  surveyAnswerLabels,
  surveyScaleAnswers,
} from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, regionRoots, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { fillsQuestionnaire, managesQuestionnaire } from './questionnaire.service';
import { json } from './plan.repository';
import { isoOrNull } from '../../platform/clock';

interface Loaded {
  tenantId: string;
  id: string;
  title: string;
  description: string | null;
  planId: string | null;
  regionCode: string;
  regionPath: string;
  status: string;
  questions: SurveyQuestion[];
}

async function loadQuestionnaire(db: Db, tenantId: string, where: SQL): Promise<Loaded | null> {
  const res = await db.execute(sql`SELECT q.tenant_id, q.id, q.title, q.description, q.plan_id, q.region_code,
      r.path::text AS region_path, q.status, q.questions
    FROM questionnaire q JOIN region r ON r.tenant_id = q.tenant_id AND r.code = q.region_code
    WHERE q.tenant_id = ${tenantId} AND ${where}`);
  const r = res.rows[0] as any;
  if (!r) return null;
  return {
    ...{ tenantId: r.tenant_id, id: r.id, title: r.title, description: r.description, planId: r.plan_id },
    ...{ regionCode: r.region_code, regionPath: r.region_path, status: r.status, questions: json(r.questions) },
  };
}

type Answer = { questionId: string; value: string };

/** 400 naming answers to unknown questions, values the question's scale lacks, and repeated questions. */
function checkAnswers(questions: SurveyQuestion[], answers: Answer[]) {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const problems: { field: string; key: string }[] = [];
  answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    if (!q) problems.push({ field: `answers.${i}.questionId`, key: 'unknown_question' });
    else if (seen.has(a.questionId)) problems.push({ field: `answers.${i}.questionId`, key: 'duplicate_in_file' });
    else if (!surveyScaleAnswers[q.scale].includes(a.value))
      problems.push({ field: `answers.${i}.value`, key: 'invalid_value' });
    seen.add(a.questionId);
  });
  if (problems.length) throw invalidFields(problems);
}

/** The path of a region inside the questionnaire's region (and inside `roots` when given), else 400. */
async function regionInside(db: Db, q: Loaded, code: string, roots: string[] | null): Promise<string> {
  const res =
    await db.execute(sql`SELECT path::text AS path FROM region WHERE tenant_id = ${q.tenantId} AND code = ${code}
    AND status = 'active' AND path <@ ${q.regionPath}::ltree`);
  const path = (res.rows[0] as { path: string } | undefined)?.path;
  if (!path || (roots !== null && !roots.some((p) => path === p || path.startsWith(`${p}.`))))
    throw invalidFields([{ field: 'regionCode', key: 'not_in_region' }]);
  return path;
}

interface StoredResponse {
  id: string;
  questionnaireId: string;
  regionCode: string;
  channel: 'inspector' | 'public';
  receivedAt: string;
  answers: Answer[];
}

async function storeResponse(
  db: Db,
  q: Loaded,
  r: { id: string; regionCode: string; pointId?: string | null; channel: 'inspector' | 'public'; by: string | null },
  body: { answers: Answer[]; clientTime?: string | null; gps?: { lat: number; lng: number } | null },
): Promise<{ created: boolean; response: StoredResponse }> {
  const created = await db.transaction(async (tx) => {
    const ins =
      await tx.execute(sql`INSERT INTO survey_response (tenant_id, id, questionnaire_id, region_code, point_id,
        channel, respondent_by, client_time, gps_lat, gps_lng)
      VALUES (${q.tenantId}, ${r.id}, ${q.id}, ${r.regionCode}, ${r.pointId ?? null}, ${r.channel}, ${r.by},
        ${body.clientTime ?? null}, ${body.gps?.lat ?? null}, ${body.gps?.lng ?? null})
      ON CONFLICT DO NOTHING RETURNING id`);
    if (!ins.rows.length) return false;
    await tx.execute(sql`INSERT INTO survey_answer (tenant_id, response_id, question_id, questionnaire_id, region_code, value)
      SELECT ${q.tenantId}, ${r.id}, x.q, ${q.id}, ${r.regionCode}, x.v
      FROM unnest(${sql.param(body.answers.map((a) => a.questionId))}::text[], ${sql.param(body.answers.map((a) => a.value))}::text[]) AS x(q, v)`);
    return true;
  });
  const res = await db.execute(sql`SELECT s.id, s.questionnaire_id, s.region_code, s.channel, s.received_at,
      COALESCE((SELECT json_agg(json_build_object('questionId', a.question_id, 'value', a.value) ORDER BY a.question_id)
        FROM survey_answer a WHERE a.tenant_id = s.tenant_id AND a.response_id = s.id), '[]'::json) AS answers
    FROM survey_response s WHERE s.tenant_id = ${q.tenantId} AND s.id = ${r.id}`);
  const row = res.rows[0] as any;
  if (row.questionnaire_id !== q.id) throw fail('SURVEY_RESPONSE_ID_TAKEN');
  const response = {
    id: row.id,
    questionnaireId: row.questionnaire_id,
    regionCode: row.region_code,
    channel: row.channel,
  };
  return { created, response: { ...response, receivedAt: isoOrNull(row.received_at)!, answers: json(row.answers) } };
}

/** An inspector records a resident's answers: in the point's (or the given) region, inside the questionnaire's and their own area. */
export async function submitSurveyResponse(db: Db, actor: Actor, body: SurveyResponseBody) {
  requirePermission(actor, 'inspection.perform');
  const visible = sql`q.id = ${body.questionnaireId} AND (${managesQuestionnaire(actor)} OR ${fillsQuestionnaire(actor, true)})`;
  const q = await loadQuestionnaire(db, actor.tenantId, visible);
  if (!q) throw fail('QUESTIONNAIRE_NOT_FOUND');
  if (q.status !== 'open') throw fail('QUESTIONNAIRE_CLOSED');
  checkAnswers(q.questions, body.answers);
  let regionCode = body.regionCode ?? null;
  if (body.pointId) {
    const p = await db.execute(
      sql`SELECT region_code FROM point WHERE tenant_id = ${actor.tenantId} AND id = ${body.pointId}`,
    );
    if (!p.rows.length) throw invalidFields([{ field: 'pointId', key: 'invalid_value' }]);
    regionCode ??= (p.rows[0] as { region_code: string }).region_code;
  }
  if (!regionCode) throw invalidFields([{ field: 'regionCode', key: 'required' }]);
  // Plan teams work wherever their plan goes; others answer for residents of their own area.
  await regionInside(db, q, regionCode, q.planId ? null : regionRoots(actor, 'inspection.perform'));
  const r = { id: body.id, regionCode, pointId: body.pointId, channel: 'inspector' as const, by: actor.accountId };
  return storeResponse(db, q, r, body);
}

/** The tenant a public token belongs to (its first 22 characters), or null. */
function tenantOfToken(token: string): string | null {
  const hex = Buffer.from(token.slice(0, 22), 'base64url').toString('hex');
  if (hex.length !== 32) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function publicQuestionnaire(db: Db, token: string): Promise<Loaded> {
  const tenantId = tenantOfToken(token);
  const q = tenantId ? await loadQuestionnaire(db, tenantId, sql`q.public_token = ${token} AND q.is_public`) : null;
  if (q?.status !== 'open') throw fail('QUESTIONNAIRE_NOT_FOUND');
  return q;
}

/** The public page of a questionnaire: its questions with their answer labels, and the communities to pick from. */
export async function getPublicSurvey(db: Db, token: string): Promise<PublicSurveyView> {
  const q = await publicQuestionnaire(db, token);
  const regions =
    await db.execute(sql`SELECT code, name FROM region WHERE tenant_id = ${q.tenantId} AND status = 'active'
    AND path <@ ${q.regionPath}::ltree AND (level = 'village' OR code = ${q.regionCode}) ORDER BY (level = 'village') DESC, code`);
  return {
    title: q.title,
    description: q.description,
    questions: q.questions.map((x) => ({
      ...x,
      answers: surveyScaleAnswers[x.scale].map((value) => ({ value, label: surveyAnswerLabels[value] })),
    })),
    regions: regions.rows.map((r: any) => ({ code: r.code, name: r.name })),
  };
}

/** A resident's answers through the public link (no sign-in; the route is rate-limited per IP). */
export async function submitPublicResponse(db: Db, token: string, body: PublicResponseBody) {
  const q = await publicQuestionnaire(db, token);
  checkAnswers(q.questions, body.answers);
  await regionInside(db, q, body.regionCode, null);
  return storeResponse(db, q, { id: body.id, regionCode: body.regionCode, channel: 'public', by: null }, body);
}
