// Demo data: the three-year civilized-city cycle around the seed's year of 示范市 with its eight action lines and about thirty tasks
// in every state, a few ledger entries and one overdue task. Texts are written for the demo.
import type { TaskCadence, TaskState } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { systemActor } from '../../../platform/access';
import { writeAudit } from '../../../platform/audit';
import type { Db } from '../../../platform/db';
import { newId } from '../../../platform/ids';
import type { DemoContext } from '../../../demo/context';
import { shanghaiDate, shanghaiYear } from '../../../platform/clock';
import { nextReminderSlot, scanReminders, scheduleReminderScan } from '../reminders';
import { type NewTask, insertTasks } from '../task.repository';

const actions = [
  '思想道德建设行动',
  '城市环境整治行动',
  '交通秩序整治行动',
  '市场秩序规范行动',
  '公共服务提升行动',
  '志愿服务推进行动',
  '文明风尚培育行动',
  '公益广告宣传行动',
];

type Row = [
  action: number,
  title: string,
  lead: number,
  co: number[],
  cadence: TaskCadence,
  days: number,
  state: TaskState,
];

// days: deadline relative to today. Only the one overdue task is open past its deadline.
const rows: Row[] = [
  [0, '开展社会主义核心价值观主题宣讲进机关', 0, [1], 'monthly', -75, 'accepted'],
  [0, '组织新时代好少年学习宣传活动', 5, [1], 'once', -40, 'accepted'],
  [0, '完善道德模范礼遇帮扶工作台账', 0, [], 'yearly', 150, 'in_progress'],
  [1, '背街小巷环境卫生集中整治', 4, [11], 'weekly', -60, 'accepted'],
  [1, '农贸市场内外环境秩序整治', 11, [10, 4], 'daily', -20, 'accepted'],
  [1, '建成区生活垃圾分类投放点位规范设置', 4, [], 'monthly', 45, 'in_progress'],
  [1, '老旧小区楼道杂物清理', 4, [0], 'weekly', -5, 'overdue'],
  [1, '公共厕所保洁与设施维护', 4, [], 'daily', 2, 'assigned'],
  [2, '主次干道机动车礼让斑马线专项整治', 6, [4], 'weekly', -30, 'accepted'],
  [2, '公交站台候车秩序与设施维护', 6, [], 'monthly', 30, 'reported'],
  [2, '非机动车规范停放引导', 4, [6], 'daily', 60, 'assigned'],
  [3, '窗口单位诚信经营承诺公示', 10, [3], 'once', -15, 'accepted'],
  [3, '农贸市场计量器具专项检查', 10, [11], 'monthly', 25, 'returned'],
  [3, '校园周边食品经营店规范整治', 10, [1, 5], 'monthly', 40, 'in_progress'],
  [4, '政务服务中心窗口文明服务规范提升', 3, [], 'monthly', -10, 'reported'],
  [4, '医院门诊导诊志愿服务岗设置', 2, [8], 'weekly', 35, 'returned'],
  [4, '无障碍设施排查与改造', 3, [4, 2], 'once', 90, 'assigned'],
  [4, '博物馆免费开放与预约服务优化', 7, [], 'monthly', 50, 'in_progress'],
  [5, '新时代文明实践站志愿服务项目清单编制', 8, [0], 'once', -25, 'accepted'],
  [5, '学雷锋志愿服务站规范化建设', 8, [], 'monthly', 15, 'reported'],
  [5, '志愿者注册与服务时长记录核查', 8, [0], 'monthly', 55, 'assigned'],
  [5, '景区文明旅游志愿引导', 9, [8], 'weekly', 28, 'in_progress'],
  [6, '文明家庭和最美家庭推荐评选', 0, [], 'yearly', 120, 'assigned'],
  [6, '移风易俗倡议宣传进社区', 0, [8], 'monthly', 10, 'returned'],
  [6, '校园文明礼仪教育周活动', 1, [5], 'once', -3, 'reported'],
  [6, '景区不文明行为劝导', 9, [], 'daily', 70, 'in_progress'],
  [7, '主要街道公益广告刊播检查', 4, [0], 'monthly', 12, 'assigned'],
  [7, '公交车身与站台公益广告更新', 6, [], 'once', 80, 'reported'],
  [7, '工地围挡公益广告规范设置', 4, [], 'monthly', 18, 'assigned'],
  [7, '窗口单位电子屏公益广告轮播', 3, [], 'weekly', 33, 'in_progress'],
];

const addDays = (date: string, n: number) =>
  new Date(new Date(`${date}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10);
/** A time of day in Asia/Shanghai on a date, as an instant. */
const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`).toISOString();

const ledgerTexts: Record<string, string> = {
  accepted: '已按要求完成，附工作方案、活动照片及总结材料。',
  reported: '阶段性工作已完成，现报送工作台账，请审核。',
  returned: '已报送前期工作情况。',
};

/** The published framework to decompose from, if the frameworks demo is loaded (the civilized-city one first). */
async function findFramework(db: Db, tenantId: string): Promise<{ id: string; leaves: string[] } | null> {
  const fw = await db.execute(sql`SELECT id FROM framework WHERE tenant_id = ${tenantId} AND status = 'published'
    ORDER BY (name LIKE '%文明城市%') DESC, created_at LIMIT 1`);
  const id = (fw.rows[0] as { id: string } | undefined)?.id;
  if (!id) return null;
  const leaves =
    await db.execute(sql`SELECT i.id FROM indicator i WHERE i.tenant_id = ${tenantId} AND i.framework_id = ${id}
    AND NOT EXISTS (SELECT 1 FROM indicator c WHERE c.tenant_id = i.tenant_id AND c.parent_id = i.id) ORDER BY i.position
    LIMIT 30`);
  return { id, leaves: leaves.rows.map((r: any) => r.id) };
}

/** The demo's three-year cycle around the year of `now` (e.g. 2025—2027 in 2026). */
export function demoCycle(now: Date): { name: string; start: string; end: string } {
  const y = shanghaiYear(now);
  return { name: `${y - 1}—${y + 1}年全国文明城市创建周期`, start: `${y - 1}-01-01`, end: `${y + 1}-12-31` };
}

async function insertCampaign(db: Db, tenantId: string, frameworkId: string | null, now: Date) {
  const id = newId();
  const cycle = demoCycle(now);
  await db.execute(sql`INSERT INTO campaign (tenant_id, id, name, kind, start_date, end_date, description, framework_id)
    VALUES (${tenantId}, ${id}, ${cycle.name}, 'cycle', ${cycle.start}, ${cycle.end},
      '围绕全国文明城市测评体系，实施八大行动，推动创建工作常态化、长效化。', ${frameworkId})`);
  const actionIds = actions.map(() => newId());
  await db.execute(sql`INSERT INTO campaign_action (tenant_id, id, campaign_id, name, position)
    SELECT ${tenantId}, x.id, ${id}, x.name, x.pos - 1
    FROM unnest(${sql.param(actionIds)}::uuid[], ${sql.param(actions)}::text[]) WITH ORDINALITY AS x(id, name, pos)`);
  return { id, actionIds };
}

/** The path a task in a state has walked, as transitions. */
function pathTo(state: TaskState): [string, TaskState, TaskState][] {
  const report: [string, TaskState, TaskState] = ['report', 'in_progress', 'reported'];
  const start: [string, TaskState, TaskState] = ['start', 'assigned', 'in_progress'];
  if (state === 'in_progress') return [start];
  if (state === 'reported') return [start, report];
  if (state === 'returned') return [start, report, ['return', 'reported', 'returned']];
  if (state === 'accepted') return [start, report, ['accept', 'reported', 'accepted']];
  if (state === 'overdue') return [start, ['mark_overdue', 'in_progress', 'overdue']];
  return [];
}

async function walkStates(db: Db, tenantId: string, tasks: NewTask[], today: string, now: Date) {
  for (const [i, task] of tasks.entries()) {
    const state = rows[i][6];
    if (state === 'assigned') continue;
    const reportedAt =
      state === 'accepted' || state === 'reported' ? at(addDays(task.deadline, i === 8 ? 2 : -3)) : null;
    const reported = reportedAt && reportedAt > now.toISOString() ? at(addDays(today, -1)) : reportedAt;
    await db.execute(sql`UPDATE task SET state = ${state}, last_reported_at = ${reported},
        accepted_at = ${state === 'accepted' ? reported : null}, overdue_at = ${state === 'overdue' ? at(today, 1) : null}
      WHERE tenant_id = ${tenantId} AND id = ${task.id}`);
    for (const [action, from, to] of pathTo(state))
      await db.execute(sql`INSERT INTO task_transition (tenant_id, id, task_id, action, from_state, to_state, reason, actor_name)
        VALUES (${tenantId}, ${newId()}, ${task.id}, ${action}, ${from}, ${to},
          ${action === 'return' ? '佐证材料不全，请补充活动照片和签到表。' : null}, 'seed-demo')`);
    if (ledgerTexts[state])
      await db.execute(sql`INSERT INTO ledger_entry (tenant_id, id, task_id, unit_id, text, created_by_name, created_at)
        VALUES (${tenantId}, ${newId()}, ${task.id}, ${task.leadUnitId}, ${ledgerTexts[state]}, '单位联络员',
          ${reported ?? at(addDays(today, -2))})`);
  }
}

/** Load the demo campaign into a freshly seeded demo tenant (units must exist); schedules the reminder job. */
export async function seedDemoCampaigns(d: DemoContext): Promise<void> {
  const { db, tenantId } = d;
  const now = d.clock.now();
  const units = (
    await db.execute(sql`SELECT id FROM unit WHERE tenant_id = ${tenantId} ORDER BY created_at, id LIMIT 12`)
  ).rows.map((r: any) => r.id as string);
  if (units.length < 12) return;
  const today = shanghaiDate(now);
  const framework = await findFramework(db, tenantId);
  await db.transaction(async (tx) => {
    const campaign = await insertCampaign(tx, tenantId, framework?.id ?? null, now);
    const tasks: NewTask[] = rows.map(([action, title, lead, co, cadence, days], i) => ({
      id: newId(),
      campaignId: campaign.id,
      actionId: campaign.actionIds[action],
      indicatorId: framework?.leaves[i] ?? null,
      title,
      description: null,
      leadUnitId: units[lead],
      coUnitIds: co.map((c) => units[c]),
      ownerPersonId: null,
      deadline: addDays(today, days),
      cadence,
    }));
    await insertTasks(tx, tenantId, null, tasks);
    await walkStates(tx, tenantId, tasks, today, now);
    await writeAudit(tx, systemActor(tenantId, 'seed-demo', now), {
      action: 'campaign.create',
      objectType: 'campaign',
      objectId: campaign.id,
      after: { demo: true, tasks: tasks.length },
    });
    await scheduleReminderScan(tx, d.jobs, tenantId, nextReminderSlot(now));
  });
  // The reminder job's first pass: due reminders and the overdue notice, as the units will find them.
  await scanReminders(db, tenantId, now);
}
