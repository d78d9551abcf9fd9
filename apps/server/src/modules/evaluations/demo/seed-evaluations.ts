// Demo evaluations: monthly rankings of the counties and streets of 示范市 for the three months before the seed's
// month (实地考察 70 + 问卷 10 + 整改率 20), computed at seed time in month order so that rank changes and trends show.
import { seedMonthlySurveys } from './demo-surveys';
import { type EvaluationCreateBody, evaluationCreateBody } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit';
import type { DemoContext } from '../../../demo/context';
import { loadActorForAccount } from '../../../platform/sessions';
import { computeEvaluation } from '../evaluation-compute';
import { createEvaluation } from '../evaluation-create.service';
import { demoMonths, seedEvaluationInspections } from './demo-inspections';

function demoBody(frameworkId: string, month: string): EvaluationCreateBody {
  // The period is shown next to the name everywhere (lists, bulletin titles), so the name leaves it out.
  return evaluationCreateBody.parse({
    name: '各县区、乡镇（街道）文明创建测评排名',
    frameworkId,
    period: { kind: 'month', value: month },
    subjectKind: 'region',
    subjectLevel: 'township',
    regionCode: '6203',
    scheme: {
      components: [
        { kind: 'field', weight: 70 },
        { kind: 'survey', weight: 10 },
        { kind: 'rectification', weight: 20 },
      ],
      notSampled: 'drop',
    },
    lines: { passLine: 0.6, excellenceLine: 0.9, redLine: 0.9, blackLine: 0.7, summonsBottomThree: true },
  });
}

/** Seed the months' inspections and evaluations once; a second run adds nothing. */
export async function seedDemoEvaluations(d: DemoContext): Promise<void> {
  const { db, tenantId } = d;
  const now = d.clock.now();
  const done = await db.execute(sql`SELECT 1 FROM evaluation WHERE tenant_id = ${tenantId} LIMIT 1`);
  if (done.rows.length) return;
  const fw = (
    await db.execute(
      sql`SELECT id FROM framework WHERE tenant_id = ${tenantId} AND code = 'WMCS-DEMO' AND status = 'published'`,
    )
  ).rows[0] as { id: string } | undefined;
  const admin = (await db.execute(sql`SELECT id FROM account WHERE tenant_id = ${tenantId} AND username = 'admin'`))
    .rows[0] as { id: string } | undefined;
  if (!fw || !admin) return;
  const months = demoMonths(now);
  await seedEvaluationInspections(db, d.files, tenantId, fw.id, months);
  await seedMonthlySurveys(db, tenantId, fw.id, months);
  const actor = await loadActorForAccount(db, tenantId, admin.id, now);
  const ctx = { db, jobs: d.jobs };
  for (const month of months) {
    const { id } = await createEvaluation(ctx, actor, demoBody(fw.id, month), { enqueue: false });
    await db.transaction(async (tx) => {
      await computeEvaluation(tx, tenantId, id, now);
      await writeAudit(tx, actor, { action: 'evaluation.compute', objectType: 'evaluation', objectId: id });
    });
  }
  await db.execute(sql`ANALYZE inspection_observation`);
}
