// Demo data of inspections: 66 points, this month's field evaluation (实地测评) on the civilized-city framework
// with two teams (the `inspector` account in the first), five submitted inspections with findings (which
// become problems), and a questionnaire with answers from residents and the inspector.
import { demoPhoto, findingNoteFor, photoKindOf } from '../../../demo/demo-photos';
import type { ChecklistStandard, InspectionSubmitBody, PointType } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/access';
import type { AppContext } from '../../../platform/context';
import type { Db } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import { type DemoContext, demoServiceContext } from '../../../demo/context';
import { shanghaiMonth } from '../../../platform/clock';
import { loadActorForAccount } from '../../../platform/sessions';
import { loadChecklist } from '../checklist.service';
import { assertCanInspect, loadTarget } from '../inspection-target';
import { persistSubmission } from '../inspection.service';
import { assignPlan, samplePlan } from '../plan-sample.service';
import { createPlan, stepPlan } from '../plan.service';
import { createTeam } from '../team.service';
import { insertDemoPoints } from './demo-points';
import { seedDemoSurvey } from './seed-survey';

/** The problem category of a finding at a point type under a standard (the demo's rough routing). */
function categoryOf(type: PointType, s: ChecklistStandard): string {
  if (type === 'market') return 'market';
  if (type === 'back_street') return 'back_street';
  if (type === 'bus_stop' || type === 'main_road') return 'traffic';
  const top = s.path[0] ?? '';
  if (top.includes('环境')) return 'sanitation';
  if (top.includes('服务')) return 'window_service';
  if (s.name.includes('广告') || s.name.includes('宣传')) return 'public_ads';
  return 'city_order';
}

function demoSubmission(
  standards: ChecklistStandard[],
  type: PointType,
  ids: { planId: string; pointId: string },
  i: number,
  now: Date,
) {
  const started = new Date(now.getTime() - (i + 1) * 3 * 3600_000);
  const findings = i % 3;
  const body: InspectionSubmitBody = {
    id: newId(),
    ...ids,
    startedAt: started.toISOString(),
    submittedAt: new Date(started.getTime() + 25 * 60_000).toISOString(),
    clientTime: new Date(started.getTime() + 25 * 60_000).toISOString(),
    gps: { lat: 38.5 + i * 0.002, lng: 102.19 + i * 0.002, accuracy: 10 },
    note: '演示数据',
    negativeItems: [],
    observations: standards.map((s, k) => {
      const notMet = k < findings;
      return {
        id: newId(),
        indicatorId: s.id,
        result: notMet ? 'not_met' : k === standards.length - 1 && i % 2 ? 'na' : 'met',
        note: notMet ? findingNoteFor(s, i + k) : null,
        photoFileIds: [],
        findingCategory: notMet ? categoryOf(type, s) : null,
        severity: notMet ? (['low', 'medium', 'high'] as const)[(i + k) % 3] : null,
      };
    }),
  };
  return body;
}

async function accountIds(db: Db, tenantId: string): Promise<Record<string, string>> {
  const res = await db.execute(sql`SELECT id, username FROM account WHERE tenant_id = ${tenantId}
    AND username IN ('admin', 'inspector', 'district_admin')`);
  return Object.fromEntries(res.rows.map((r: any) => [r.username, r.id]));
}

async function seedPlan(db: Db, admin: Actor, frameworkId: string, ids: Record<string, string>) {
  const period = shanghaiMonth(admin.now);
  const [y, m] = period.split('-').map(Number);
  const plan = await createPlan(db, admin, {
    name: `${y}年${m}月全国文明城市实地测评`,
    frameworkId,
    kind: 'field_eval',
    period,
    note: '每类点位随机抽取 4 个，两个督查组按区划分片',
  });
  await samplePlan(db, admin, plan.id, { mode: 'random', pointTypes: [], perType: 4, seed: `demo-${period}` });
  const team = (name: string, member: string) => ({ name, memberIds: [member], leaderId: member });
  await createTeam(db, admin, plan.id, team('第一督查组', ids.inspector));
  await createTeam(db, admin, plan.id, team('第二督查组', ids.district_admin));
  await assignPlan(db, admin, plan.id, { strategy: 'by_region' });
  return stepPlan(db, admin, plan.id, 'publish');
}

/** A generated photo of each finding, taken by the inspector at the point (GPS and time beside it). */
async function attachPhotos(ctx: AppContext, inspector: Actor, body: InspectionSubmitBody, pointName: string) {
  for (const [k, o] of body.observations.entries()) {
    if (o.result !== 'not_met') continue;
    const bytes = demoPhoto(`${body.id}:${k}`, photoKindOf(o.note ?? ''), 'before');
    const file = await ctx.files.save(
      ctx.db,
      inspector,
      bytes,
      {
        name: `${pointName}-问题照片-${k + 1}.png`,
        purpose: 'inspection-photo',
        clientTime: new Date(body.submittedAt),
        gpsLat: String(body.gps?.lat ?? ''),
        gpsLng: String(body.gps?.lng ?? ''),
        device: '演示手机（督查组）',
      },
      ['image/png'],
    );
    o.photoFileIds = [file.id];
  }
}

async function seedInspections(ctx: AppContext, inspector: Actor, planId: string, teamId: string) {
  const res =
    await ctx.db.execute(sql`SELECT point_id FROM inspection_plan_point WHERE tenant_id = ${inspector.tenantId}
    AND plan_id = ${planId} AND team_id = ${teamId} ORDER BY position LIMIT 5`);
  for (const [i, r] of (res.rows as { point_id: string }[]).entries()) {
    const { plan, point } = assertCanInspect(await loadTarget(ctx.db, inspector, planId, r.point_id));
    const list = await loadChecklist(ctx.db, inspector.tenantId, plan.frameworkId, point.pointType);
    const body = demoSubmission(list.standards, point.pointType, { planId, pointId: point.id }, i, inspector.now);
    await attachPhotos(ctx, inspector, body, point.name);
    await persistSubmission(ctx, inspector, { plan, point, list }, body);
  }
}

/** Seed the demo tenant's points, this month's plan, inspections and a questionnaire; a second run adds nothing. */
export async function seedDemoInspections(d: DemoContext): Promise<void> {
  const { db, tenantId } = d;
  const now = d.clock.now();
  const seeded = await db.execute(sql`SELECT 1 FROM inspection_plan WHERE tenant_id = ${tenantId} LIMIT 1`);
  if (seeded.rows.length) return;
  const fw = await db.execute(sql`SELECT id FROM framework WHERE tenant_id = ${tenantId} AND code = 'WMCS-DEMO'
    AND status = 'published'`);
  const frameworkId = (fw.rows[0] as { id: string } | undefined)?.id;
  if (!frameworkId) return;
  await insertDemoPoints(db, tenantId);
  const ids = await accountIds(db, tenantId);
  const admin = await loadActorForAccount(db, tenantId, ids.admin, now);
  const inspector = await loadActorForAccount(db, tenantId, ids.inspector, now);
  const ctx = demoServiceContext(d);
  const plan = await seedPlan(db, admin, frameworkId, ids);
  await seedInspections(ctx, inspector, plan.id, plan.teams[0].id);
  await seedDemoSurvey(db, { admin, inspector }, plan.id, frameworkId);
  await db.execute(sql`ANALYZE point`);
}
