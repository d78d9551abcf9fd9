// The demo questionnaire: awareness and satisfaction questions, public, with answers in six communities.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/access';
import type { Db } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import { createQuestionnaire } from '../questionnaire.service';
import { submitPublicResponse, submitSurveyResponse } from '../survey-response.service';

const questions = [
  { id: 'k1', kind: 'awareness' as const, scale: 'knows' as const, text: '您知道本市正在创建全国文明城市吗？' },
  { id: 'k2', kind: 'awareness' as const, scale: 'knows' as const, text: '您知道社会主义核心价值观的基本内容吗？' },
  { id: 's1', kind: 'satisfaction' as const, scale: 'five_level' as const, text: '您对所在社区的环境卫生满意吗？' },
  { id: 's2', kind: 'satisfaction' as const, scale: 'five_level' as const, text: '您对本市的公共文明程度总体满意吗？' },
];
const levels = ['very_satisfied', 'satisfied', 'satisfied', 'neutral', 'very_satisfied', 'dissatisfied', 'satisfied'];

/** The n-th demo answer sheet: most residents know and are satisfied, not all. */
function answersOf(n: number) {
  return [
    { questionId: 'k1', value: n % 7 === 3 ? 'not_knows' : 'knows' },
    { questionId: 'k2', value: n % 4 === 1 ? 'not_knows' : 'knows' },
    { questionId: 's1', value: levels[n % levels.length] },
    { questionId: 's2', value: levels[(n * 3 + 1) % levels.length] },
  ];
}

/** Seed the questionnaire of the demo plan with 36 answer sheets (30 public, 6 taken by the inspector). */
export async function seedDemoSurvey(
  db: Db,
  who: { admin: Actor; inspector: Actor },
  planId: string,
  frameworkId: string,
) {
  const indicator = await db.execute(sql`SELECT id FROM indicator WHERE tenant_id = ${who.admin.tenantId}
    AND framework_id = ${frameworkId} AND name LIKE '%城市文明程度的满意率%' LIMIT 1`);
  const q = await createQuestionnaire(db, who.admin, {
    title: '市民文明素养满意度与创建知晓率调查',
    description: '本问卷用于了解市民对文明城市创建的知晓和满意情况，匿名填写，约需 1 分钟。',
    planId,
    indicatorId: (indicator.rows[0] as { id: string } | undefined)?.id ?? null,
    isPublic: true,
    questions,
  });
  const res = await db.execute(sql`SELECT code FROM region WHERE tenant_id = ${who.admin.tenantId} AND level = 'village'
    ORDER BY code LIMIT 6`);
  const regions = res.rows.map((r: any) => r.code as string);
  for (let n = 0; n < 36; n++) {
    const body = { id: newId(), regionCode: regions[n % regions.length], answers: answersOf(n) };
    if (n % 6 === 5)
      await submitSurveyResponse(db, who.inspector, {
        ...body,
        questionnaireId: q.id,
        clientTime: who.inspector.now.toISOString(),
      });
    else await submitPublicResponse(db, q.publicToken!, body);
  }
}
