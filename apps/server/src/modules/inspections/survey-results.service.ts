// Awareness (知晓率) and satisfaction (满意率) rates of a questionnaire, counted per region at a level.
import {
  type RegionLevel,
  type SurveyQuestion,
  type SurveyResultRow,
  type SurveyResults,
  isPositiveSurveyAnswer,
  surveyRateOf,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { getQuestionnaire } from './questionnaire.service';

interface Counts {
  responses: number;
  /** question id → [positive, answered] */
  questions: Map<string, [number, number]>;
}

const emptyCounts = (): Counts => ({ responses: 0, questions: new Map() });

function add(c: Counts, question: SurveyQuestion | undefined, value: string, n: number) {
  if (!question) return;
  const got = c.questions.get(question.id) ?? [0, 0];
  if (isPositiveSurveyAnswer(question.scale, value)) got[0] += n;
  got[1] += n;
  c.questions.set(question.id, got);
}

function rowOf(c: Counts, questions: SurveyQuestion[]): Omit<SurveyResultRow, 'regionCode' | 'regionName'> {
  const byKind = (kind: SurveyQuestion['kind']) => {
    const of = questions.filter((q) => q.kind === kind).map((q) => c.questions.get(q.id) ?? [0, 0]);
    if (!of.length) return null;
    return surveyRateOf(
      of.reduce((s, x) => s + x[0], 0),
      of.reduce((s, x) => s + x[1], 0),
    );
  };
  const perQuestion = Object.fromEntries(
    questions.map((q) => {
      const [n, d] = c.questions.get(q.id) ?? [0, 0];
      return [q.id, surveyRateOf(n, d)];
    }),
  );
  return {
    responses: c.responses,
    awareness: byKind('awareness'),
    satisfaction: byKind('satisfaction'),
    questions: perQuestion,
  };
}

/**
 * Rates per region at `level` (each answer counted in its region's ancestor at that level, or its own region
 * when it lies above the level) and for the whole questionnaire: numerator, denominator, percent.
 */
export async function surveyResults(db: Db, actor: Actor, id: string, level: RegionLevel): Promise<SurveyResults> {
  requirePermission(actor, 'survey.manage');
  const q = await getQuestionnaire(db, actor, id, true);
  const bucket = sql`COALESCE((SELECT anc.code FROM region anc WHERE anc.tenant_id = r.tenant_id AND anc.level = ${level}
    AND anc.path @> r.path LIMIT 1), r.code)`;
  const answers = await db.execute(sql`SELECT ${bucket} AS code, a.question_id, a.value, count(*)::int AS n
    FROM survey_answer a JOIN region r ON r.tenant_id = a.tenant_id AND r.code = a.region_code
    WHERE a.tenant_id = ${actor.tenantId} AND a.questionnaire_id = ${id} GROUP BY 1, 2, 3`);
  const responses = await db.execute(sql`SELECT ${bucket} AS code, count(*)::int AS n
    FROM survey_response s JOIN region r ON r.tenant_id = s.tenant_id AND r.code = s.region_code
    WHERE s.tenant_id = ${actor.tenantId} AND s.questionnaire_id = ${id} GROUP BY 1`);
  const byId = new Map(q.questions.map((x) => [x.id, x]));
  const perRegion = new Map<string, Counts>();
  const total = emptyCounts();
  const countsOf = (code: string) => perRegion.get(code) ?? perRegion.set(code, emptyCounts()).get(code)!;
  for (const r of responses.rows as { code: string; n: number }[]) {
    countsOf(r.code).responses += Number(r.n);
    total.responses += Number(r.n);
  }
  for (const r of answers.rows as { code: string; question_id: string; value: string; n: number }[]) {
    add(countsOf(r.code), byId.get(r.question_id), r.value, Number(r.n));
    add(total, byId.get(r.question_id), r.value, Number(r.n));
  }
  const codes = [...perRegion.keys()].sort();
  const names = await db.execute(sql`SELECT code, name FROM region WHERE tenant_id = ${actor.tenantId}
    AND code = ANY(${sql.param(codes)}::text[])`);
  const nameOf = new Map(names.rows.map((r: any) => [r.code as string, r.name as string]));
  return {
    questionnaireId: id,
    level,
    rows: codes.map((code) => ({
      regionCode: code,
      regionName: nameOf.get(code) ?? null,
      ...rowOf(perRegion.get(code)!, q.questions),
    })),
    total: rowOf(total, q.questions),
  };
}
