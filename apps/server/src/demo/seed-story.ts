// The rest of the demo's story, told through the services as the office would do it: a published bulletin of the
// last month's ranking, self-assessments in each state against the 三化 and 六有 standards, a reminder letter and
// a summons to the unit with an overdue task, and inspection plans of every kind (自查 on the 五有 standard at
// practice stations with a finding, 暗访, 回头看, 核查 and 督查).
import { type InspectionPlanKind, type PointType, inspectionPlanCreateBody, planSampleBody } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/access';
import { addDays, shanghaiDate, shanghaiMonth } from '../platform/clock';
import type { Db } from '../platform/db';
import { newId } from '../platform/ids';
import { rows } from '../platform/sql';
import { loadActorForAccount } from '../platform/sessions';
import { createReminderLetter, recordSummons } from '../modules/campaigns/notice.service';
import { createSelfAssessment, returnSelfAssessment, saveScores } from '../modules/campaigns/self-assessment.service';
import { submitSelfAssessment } from '../modules/campaigns/self-assessment-report';
import { publishBulletin } from '../modules/evaluations';
import { loadChecklist } from '../modules/inspections/checklist.service';
import { assertCanInspect, loadTarget } from '../modules/inspections/inspection-target';
import { persistSubmission } from '../modules/inspections/inspection.service';
import { assignPlan, samplePlan } from '../modules/inspections/plan-sample.service';
import { createPlan, stepPlan } from '../modules/inspections/plan.service';
import { createTeam } from '../modules/inspections/team.service';
import { type DemoContext, demoServiceContext } from './context';
import { demoPhoto, findingNoteFor } from './demo-photos';

async function accountId(db: Db, tenantId: string, username: string): Promise<string> {
  const [r] = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM account WHERE tenant_id = ${tenantId} AND username = ${username}`,
  );
  return r.id;
}

async function frameworkId(db: Db, tenantId: string, code: string): Promise<string> {
  const [r] = await rows<{ id: string }>(
    db,
    sql`SELECT id FROM framework WHERE tenant_id = ${tenantId} AND code = ${code} AND status = 'published'`,
  );
  return r.id;
}

/** The last month's ranking, published as a bulletin (Word, PDF and the public page). */
async function publishLastRanking(d: DemoContext, admin: Actor) {
  const [e] = await rows<{ id: string }>(
    d.db,
    sql`SELECT id FROM evaluation WHERE tenant_id = ${d.tenantId} AND state = 'done'
      ORDER BY period_start DESC, created_at DESC LIMIT 1`,
  );
  if (e) await publishBulletin(d.db, admin, e.id, {});
}

/** Scores of every standard of a framework on one side: most full, a few short (with the reason). */
async function scoreAll(d: DemoContext, actor: Actor, id: string, fwId: string, side: 'self' | 'office') {
  const standards = await rows<{ id: string; points: number; name: string }>(
    d.db,
    sql`SELECT id, points, name FROM indicator WHERE tenant_id = ${d.tenantId} AND framework_id = ${fwId}
      AND points IS NOT NULL AND NOT EXISTS (SELECT 1 FROM indicator c WHERE c.tenant_id = indicator.tenant_id
        AND c.parent_id = indicator.id) ORDER BY code`,
  );
  const scores = standards.map((s, k) => {
    const short = (k + (side === 'office' ? 1 : 0)) % 4 === 0;
    const points = Number(s.points);
    return {
      indicatorId: s.id,
      score: short ? Math.max(0, points - Math.ceil(points / 3)) : points,
      note: short ? (side === 'self' ? '部分材料尚在整理' : '现场核查：台账不完整，扣分') : null,
      fileIds: [],
    };
  });
  await saveScores(d.db, actor, id, side, { scores });
}

/** Self-assessments of units in each state: draft, submitted and returned (三化), checked by the office (六有). */
async function seedSelfAssessments(d: DemoContext, admin: Actor) {
  const units = await rows<{ id: string; name: string }>(
    d.db,
    sql`SELECT id, name FROM unit WHERE tenant_id = ${d.tenantId} ORDER BY created_at, id LIMIT 6`,
  );
  const threeOffice = await frameworkId(d.db, d.tenantId, 'SH-BGCS-DEMO');
  const sixHas = await frameworkId(d.db, d.tenantId, 'LY-HSWY-DEMO');
  const ctx = demoServiceContext(d);
  const draft = await createSelfAssessment(d.db, admin, { unitId: units[1].id, frameworkId: threeOffice });
  await scoreAll(d, admin, draft.id, threeOffice, 'self');
  const submitted = await createSelfAssessment(d.db, admin, { unitId: units[2].id, frameworkId: threeOffice });
  await scoreAll(d, admin, submitted.id, threeOffice, 'self');
  await submitSelfAssessment(ctx, admin, submitted.id);
  const checked = await createSelfAssessment(d.db, admin, { unitId: units[3].id, frameworkId: sixHas });
  await scoreAll(d, admin, checked.id, sixHas, 'self');
  await submitSelfAssessment(ctx, admin, checked.id);
  await scoreAll(d, admin, checked.id, sixHas, 'office');
  const returned = await createSelfAssessment(d.db, admin, { unitId: units[4].id, frameworkId: threeOffice });
  await scoreAll(d, admin, returned.id, threeOffice, 'self');
  await submitSelfAssessment(ctx, admin, returned.id);
  await returnSelfAssessment(d.db, admin, returned.id, '佐证材料不全：请补充公示栏照片和会议记录后重新提交');
}

/** A reminder letter and a summons to the lead unit of the overdue task. */
async function seedNotices(d: DemoContext, admin: Actor) {
  const [late] = await rows<{ id: string; unit_id: string }>(
    d.db,
    sql`SELECT t.id, t.lead_unit_id AS unit_id FROM task t WHERE t.tenant_id = ${d.tenantId} AND t.state = 'overdue'
      ORDER BY t.deadline LIMIT 1`,
  );
  if (!late) return;
  await createReminderLetter(demoServiceContext(d), admin, late.unit_id, { replyWithinDays: 5 });
  const when = `${addDays(shanghaiDate(admin.now), 3)}T09:30:00+08:00`;
  await recordSummons(d.db, admin, late.unit_id, {
    reason: '创建任务逾期未完成，经提醒后仍未整改到位',
    scheduledAt: when,
    place: '市文明办第一会议室',
    attendees: '单位分管负责同志、联络员',
    taskIds: [late.id],
  });
}

async function planOf(
  d: DemoContext,
  admin: Actor,
  p: { name: string; kind: InspectionPlanKind; framework: string; types: PointType[]; perType: number; note: string },
  inspectorId: string,
) {
  const period = shanghaiMonth(admin.now);
  const body = { name: p.name, frameworkId: p.framework, kind: p.kind, period, note: p.note };
  const plan = await createPlan(d.db, admin, inspectionPlanCreateBody.parse(body));
  const sample = { mode: 'random', pointTypes: p.types, perType: p.perType, seed: `${p.kind}-${period}` };
  await samplePlan(d.db, admin, plan.id, planSampleBody.parse(sample));
  await createTeam(d.db, admin, plan.id, { name: '第一督查组', memberIds: [inspectorId], leaderId: inspectorId });
  await assignPlan(d.db, admin, plan.id, { strategy: 'by_region' });
  return plan.id;
}

/** One submitted 五有 self-inspection of a practice station, with a finding, its note and its photo. */
async function inspectOneStation(d: DemoContext, inspector: Actor, planId: string) {
  const [pp] = await rows<{ point_id: string }>(
    d.db,
    sql`SELECT point_id FROM inspection_plan_point WHERE tenant_id = ${d.tenantId} AND plan_id = ${planId}
      ORDER BY position LIMIT 1`,
  );
  if (!pp) return;
  const { plan, point } = assertCanInspect(await loadTarget(d.db, inspector, planId, pp.point_id));
  const list = await loadChecklist(d.db, d.tenantId, plan.frameworkId, point.pointType);
  const at = new Date(inspector.now.getTime() - 2 * 3600_000).toISOString();
  const observations = list.standards.map((s, k) => ({
    id: newId(),
    indicatorId: s.id,
    result: k === 2 ? ('not_met' as const) : ('met' as const),
    note: k === 2 ? findingNoteFor(s, k) : null,
    photoFileIds: [] as string[],
    findingCategory: k === 2 ? 'other' : null,
    severity: k === 2 ? ('low' as const) : null,
  }));
  const photo = await d.files.save(
    d.db,
    inspector,
    demoPhoto(`station-${point.id}`, 'ads', 'before'),
    { name: `${point.name}-问题照片.png`, purpose: 'inspection-photo', device: '演示手机（督查组）' },
    ['image/png'],
  );
  observations[2].photoFileIds = [photo.id];
  const body = {
    id: newId(),
    planId,
    pointId: point.id,
    startedAt: at,
    submittedAt: at,
    clientTime: at,
    gps: null,
    note: '演示数据：实践站“五有”自查',
    negativeItems: [],
    observations,
  };
  await persistSubmission(demoServiceContext(d), inspector, { plan, point, list }, body);
}

/** Plans of every kind this month: 自查 (五有, published, one inspection), 暗访, 回头看, 核查 and 督查. */
async function seedPlans(d: DemoContext, admin: Actor, inspector: Actor) {
  const city = await frameworkId(d.db, d.tenantId, 'WMCS-DEMO');
  const fiveHas = await frameworkId(d.db, d.tenantId, 'WY-SJZ-DEMO');
  const [y, m] = shanghaiMonth(admin.now).split('-').map(Number);
  const self = await planOf(
    d,
    admin,
    {
      name: `${y}年${m}月新时代文明实践站“五有”自查`,
      kind: 'self',
      framework: fiveHas,
      types: ['practice_site'],
      perType: 3,
      note: '各实践站对照“五有”标准自查',
    },
    inspector.accountId!,
  );
  await stepPlan(d.db, admin, self, 'publish');
  await inspectOneStation(d, inspector, self);
  const others: [InspectionPlanKind, string, 'publish' | 'draft' | 'close'][] = [
    ['unannounced', `${y}年${m}月背街小巷环境卫生暗访`, 'publish'],
    ['revisit', `${y}年${m}月问题整改“回头看”`, 'draft'],
    ['verification', `${y}年${m}月整改销号核查`, 'close'],
    ['inspection', `${y}年${m}月农贸市场专项督查`, 'publish'],
  ];
  for (const [kind, name, step] of others) {
    const id = await planOf(
      d,
      admin,
      {
        name,
        kind,
        framework: city,
        types: kind === 'inspection' ? ['market'] : ['back_street', 'residential'],
        perType: 2,
        note: kind === 'unannounced' ? '暗访：计划对被检查单位不公开' : '演示数据',
      },
      inspector.accountId!,
    );
    if (step !== 'draft') await stepPlan(d.db, admin, id, 'publish');
    if (step === 'close') await stepPlan(d.db, admin, id, 'close');
  }
}

/** The story parts of the demo that use several modules at once. */
export async function seedDemoStory(d: DemoContext): Promise<void> {
  const now = d.clock.now();
  const admin = await loadActorForAccount(d.db, d.tenantId, await accountId(d.db, d.tenantId, 'admin'), now);
  const inspector = await loadActorForAccount(d.db, d.tenantId, await accountId(d.db, d.tenantId, 'inspector'), now);
  await publishLastRanking(d, admin);
  await seedSelfAssessments(d, admin);
  await seedNotices(d, admin);
  await seedPlans(d, admin, inspector);
}
