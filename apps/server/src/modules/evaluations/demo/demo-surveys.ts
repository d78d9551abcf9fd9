// The survey side of the demo's monthly evaluations (问卷调查, 10 of 100 points): one open questionnaire on the
// civilized-city framework's satisfaction standard, answered in every street each month, so the survey component
// of a month's score has data. Answers follow the street's quality with a fixed seed, like the inspections.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import { quality, seeded } from './demo-inspections';

const questions = [
  { id: 'k1', kind: 'awareness', scale: 'knows', text: '您知道本市正在创建全国文明城市吗？' },
  { id: 's1', kind: 'satisfaction', scale: 'five_level', text: '您对本市的公共文明程度总体满意吗？' },
];
const PER_STREET = 6;

/** The monthly questionnaire, linked to the framework's satisfaction standard; null when the framework has none. */
async function monthlyQuestionnaire(db: Db, tenantId: string, frameworkId: string): Promise<string | null> {
  const ind = await db.execute(sql`SELECT id FROM indicator WHERE tenant_id = ${tenantId}
    AND framework_id = ${frameworkId} AND name LIKE '%城市文明程度的满意率%' ORDER BY code LIMIT 1`);
  const indicatorId = (ind.rows[0] as { id: string } | undefined)?.id;
  if (!indicatorId) return null;
  const id = newId();
  await db.execute(sql`INSERT INTO questionnaire (tenant_id, id, title, description, region_code, indicator_id, questions,
      status, is_public)
    VALUES (${tenantId}, ${id}, '市民文明程度满意度月度调查', '每月在各乡镇（街道）随机访问居民，匿名填写。', '6203',
      ${indicatorId}, ${JSON.stringify(questions)}::jsonb, 'open', false)`);
  return id;
}

/** Answer sheets of every street in the months given, received inside each month. */
export async function seedMonthlySurveys(db: Db, tenantId: string, frameworkId: string, months: string[]) {
  const q = await monthlyQuestionnaire(db, tenantId, frameworkId);
  if (!q) return;
  const streets = (
    await db.execute(sql`SELECT s.code AS street, (SELECT v.code FROM region v WHERE v.tenant_id = s.tenant_id
        AND v.parent_code = s.code ORDER BY v.code LIMIT 1) AS village
      FROM region s WHERE s.tenant_id = ${tenantId} AND s.level = 'township' ORDER BY s.code`)
  ).rows as { street: string; village: string | null }[];
  const responses: unknown[] = [];
  const answers: unknown[] = [];
  for (const [m, month] of months.entries())
    for (const s of streets) {
      const rnd = seeded(`survey|${month}|${s.street}`);
      const q0 = quality(s.street, m);
      for (let k = 0; k < PER_STREET; k++) {
        const id = newId();
        const region = s.village ?? s.street;
        const day = String(3 + Math.floor(rnd() * 24)).padStart(2, '0');
        responses.push({ id, region, at: `${month}-${day}T0${2 + (k % 6)}:30:00Z` });
        answers.push({ id, region, question: 'k1', value: rnd() < q0 + 0.05 ? 'knows' : 'not_knows' });
        const x = rnd();
        const value =
          x < q0 * 0.5 ? 'very_satisfied' : x < q0 ? 'satisfied' : x < q0 + 0.15 ? 'neutral' : 'dissatisfied';
        answers.push({ id, region, question: 's1', value });
      }
    }
  await db.execute(sql`INSERT INTO survey_response (tenant_id, id, questionnaire_id, region_code, channel, client_time,
      received_at)
    SELECT ${tenantId}, x.id, ${q}, x.region, 'inspector', x.at, x.at
    FROM jsonb_to_recordset(${JSON.stringify(responses)}::jsonb) AS x(id uuid, region text, at timestamptz)`);
  await db.execute(sql`INSERT INTO survey_answer (tenant_id, response_id, question_id, questionnaire_id, region_code, value)
    SELECT ${tenantId}, x.id, x.question, ${q}, x.region, x.value
    FROM jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) AS x(id uuid, region text, question text, value text)`);
}
