// Task queries: the view columns, filters, and bulk inserts shared by single creates and Excel assignment.
import type { TaskCadence, TaskListQuery, TaskView } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { allOf } from '../../platform/paging';
import { likePattern } from '../../platform/search-text';
import { todaySql } from './campaign.policy';
import { isoOrNull } from '../../platform/clock';

const OPEN = sql`('assigned', 'in_progress', 'returned')`;

/** Past the deadline without a report, whether or not the reminder job has marked it yet. */
export const isOverdueSql = (now: Date) =>
  sql`(t.state = 'overdue' OR (t.state IN ${OPEN} AND t.deadline < ${todaySql(now)}))`;

/** The columns of a task view; whether it is overdue is judged at `now`. */
export const taskColumns = (
  now: Date,
) => sql`t.id, t.campaign_id, c.name AS campaign_name, t.action_id, a.name AS action_name,
  t.indicator_id, i.code AS indicator_code, i.name AS indicator_name, t.title, t.description,
  t.lead_unit_id, lu.name AS lead_unit_name,
  COALESCE((SELECT json_agg(json_build_object('id', cu.id, 'name', cu.name) ORDER BY cu.name)
    FROM task_unit ctu JOIN unit cu ON cu.tenant_id = ctu.tenant_id AND cu.id = ctu.unit_id
    WHERE ctu.tenant_id = t.tenant_id AND ctu.task_id = t.id AND ctu.role = 'co'), '[]'::json) AS co_units,
  t.owner_person_id, op.name AS owner_name, t.deadline::text AS deadline, t.cadence, t.state,
  ${isOverdueSql(now)} AS is_overdue, t.last_reported_at, t.accepted_at, t.version, t.created_at`;

export const taskFrom = sql`task t
  JOIN campaign c ON c.tenant_id = t.tenant_id AND c.id = t.campaign_id
  JOIN unit lu ON lu.tenant_id = t.tenant_id AND lu.id = t.lead_unit_id
  LEFT JOIN campaign_action a ON a.tenant_id = t.tenant_id AND a.id = t.action_id
  LEFT JOIN indicator i ON i.tenant_id = t.tenant_id AND i.id = t.indicator_id
  LEFT JOIN person op ON op.tenant_id = t.tenant_id AND op.id = t.owner_person_id`;

const ref = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/** A row of taskColumns as the API answers it. */
export function toTaskView(r: any): TaskView {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    action: ref(r.action_id, r.action_name),
    indicator: r.indicator_id ? { id: r.indicator_id, code: r.indicator_code, name: r.indicator_name } : null,
    title: r.title,
    description: r.description,
    leadUnit: { id: r.lead_unit_id, name: r.lead_unit_name },
    coUnits: typeof r.co_units === 'string' ? JSON.parse(r.co_units) : r.co_units,
    owner: ref(r.owner_person_id, r.owner_name),
    deadline: r.deadline,
    cadence: r.cadence,
    state: r.state,
    isOverdue: !!r.is_overdue,
    lastReportedAt: isoOrNull(r.last_reported_at),
    acceptedAt: isoOrNull(r.accepted_at),
    version: r.version,
    createdAt: isoOrNull(r.created_at)!,
  };
}

/** The filters of a task list, over `t`. */
export function taskFilters(f: Partial<TaskListQuery>, now: Date): SQL {
  return allOf(
    f.campaignId ? sql`t.campaign_id = ${f.campaignId}` : null,
    f.unitId
      ? sql`EXISTS (SELECT 1 FROM task_unit fu WHERE fu.tenant_id = t.tenant_id AND fu.task_id = t.id
          AND fu.unit_id = ${f.unitId})`
      : null,
    f.actionId ? sql`t.action_id = ${f.actionId}` : null,
    f.indicatorId ? sql`t.indicator_id = ${f.indicatorId}` : null,
    f.state ? sql`t.state = ${f.state}` : null,
    f.open ? sql`t.state IN ('assigned', 'in_progress', 'returned', 'overdue')` : null,
    f.deadlineFrom ? sql`t.deadline >= ${f.deadlineFrom}::date` : null,
    f.deadlineTo ? sql`t.deadline <= ${f.deadlineTo}::date` : null,
    f.overdue === true ? isOverdueSql(now) : f.overdue === false ? sql`NOT ${isOverdueSql(now)}` : null,
    f.q ? sql`lower(t.title) LIKE ${likePattern(f.q)}` : null,
  );
}

export interface NewTask {
  id: string;
  campaignId: string;
  actionId: string | null;
  indicatorId: string | null;
  title: string;
  description: string | null;
  leadUnitId: string;
  coUnitIds: string[];
  ownerPersonId: string | null;
  deadline: string;
  cadence: TaskCadence;
}

const CHUNK = 2000;
const BULK = 500;

/** Insert tasks and their units in chunks of set-based statements; answers the ids that were new. */
export async function insertTasks(tx: Db, tenantId: string, createdBy: string | null, tasks: NewTask[]) {
  const created: string[] = [];
  for (let i = 0; i < tasks.length; i += CHUNK) {
    const part = tasks.slice(i, i + CHUNK);
    const col = <K extends keyof NewTask>(k: K) => sql.param(part.map((x) => x[k]));
    const res = await tx.execute(sql`INSERT INTO task (tenant_id, id, campaign_id, action_id, indicator_id, title,
        description, lead_unit_id, owner_person_id, deadline, cadence, created_by)
      SELECT ${tenantId}, x.id, x.campaign_id, x.action_id, x.indicator_id, x.title, x.description, x.lead_unit_id,
        x.owner_person_id, x.deadline, x.cadence, ${createdBy}
      FROM unnest(${col('id')}::uuid[], ${col('campaignId')}::uuid[], ${col('actionId')}::uuid[],
        ${col('indicatorId')}::uuid[], ${col('title')}::text[], ${col('description')}::text[],
        ${col('leadUnitId')}::uuid[], ${col('ownerPersonId')}::uuid[], ${col('deadline')}::date[], ${col('cadence')}::text[])
        AS x(id, campaign_id, action_id, indicator_id, title, description, lead_unit_id, owner_person_id, deadline, cadence)
      ON CONFLICT DO NOTHING RETURNING id`);
    // The foreign-key checks of task_unit use a plan cached while task was small (a sequential scan, so
    // each check reads the whole table); fresh statistics make it re-plan. Matters most on PGlite, which
    // has no autovacuum: 10,000 tasks took 7 s instead of 1 s.
    if (part.length >= BULK) await tx.execute(sql`ANALYZE task`);
    const fresh = new Set(res.rows.map((r: any) => r.id as string));
    const links = part
      .filter((x) => fresh.has(x.id))
      .flatMap((x) => [[x.id, x.leadUnitId, 'lead'], ...x.coUnitIds.map((u) => [x.id, u, 'co'])]);
    if (links.length)
      await tx.execute(sql`INSERT INTO task_unit (tenant_id, task_id, unit_id, role)
        SELECT ${tenantId}, x.task_id, x.unit_id, x.role
        FROM unnest(${sql.param(links.map((l) => l[0]))}::uuid[], ${sql.param(links.map((l) => l[1]))}::uuid[],
          ${sql.param(links.map((l) => l[2]))}::text[]) AS x(task_id, unit_id, role)`);
    created.push(...fresh);
  }
  return created;
}
