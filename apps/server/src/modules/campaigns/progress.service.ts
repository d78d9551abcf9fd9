// Weekly and monthly progress of a campaign per unit or per action line: on time, overdue, completion rate.
import type { ProgressRow } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { allOf } from '../../platform/paging';
import { taskScope } from './campaign.policy';
import { getCampaign } from './campaign.service';
import { isOverdueSql } from './task.repository';

export interface ProgressQuery {
  period: 'month' | 'week';
  by: 'unit' | 'action';
  from?: string;
  to?: string;
}

const reportedOn = sql`(t.last_reported_at AT TIME ZONE 'Asia/Shanghai')::date`;
const isDone = sql`t.state IN ('reported', 'accepted')`;

function toRow(r: any): ProgressRow {
  const total = Number(r.total);
  const completed = Number(r.completed);
  return {
    period: r.period ?? 'all',
    key: r.key,
    name: r.name,
    total,
    completed,
    onTime: Number(r.on_time),
    overdue: Number(r.overdue),
    completionRate: total ? Math.round((completed / total) * 10_000) / 10_000 : 0,
  };
}

/**
 * Tasks bucketed by the month or ISO week of their deadline and grouped by lead unit or action line.
 * Completed = accepted; on time = reported by the deadline; overdue = past the deadline without a report,
 * or reported after it. `summary` has the same figures over the whole range, one row per group.
 */
export async function campaignProgress(db: Db, actor: Actor, campaignId: string, q: ProgressQuery) {
  requirePermission(actor, 'campaign.read');
  await getCampaign(db, actor, campaignId);
  const bucket = q.period === 'week' ? sql`to_char(t.deadline, 'IYYY-"W"IW')` : sql`to_char(t.deadline, 'YYYY-MM')`;
  const key = q.by === 'unit' ? sql`t.lead_unit_id::text` : sql`t.action_id::text`;
  const name = q.by === 'unit' ? sql`lu.name` : sql`COALESCE(a.name, '（未归入行动）')`;
  const where = allOf(
    sql`t.tenant_id = ${actor.tenantId} AND t.campaign_id = ${campaignId}`,
    taskScope(actor, 'campaign.read'),
    q.from ? sql`t.deadline >= ${q.from}::date` : null,
    q.to ? sql`t.deadline <= ${q.to}::date` : null,
  );
  const res = await db.execute(sql`SELECT b.period, b.key, b.name, count(*)::int AS total,
      count(*) FILTER (WHERE b.state = 'accepted')::int AS completed,
      count(*) FILTER (WHERE b.on_time)::int AS on_time,
      count(*) FILTER (WHERE b.overdue)::int AS overdue
    FROM (SELECT ${bucket} AS period, ${key} AS key, ${name} AS name, t.state,
        (${isDone} AND ${reportedOn} <= t.deadline) AS on_time,
        (${isOverdueSql(actor.now)} OR (${isDone} AND ${reportedOn} > t.deadline)) AS overdue
      FROM task t JOIN unit lu ON lu.tenant_id = t.tenant_id AND lu.id = t.lead_unit_id
        LEFT JOIN campaign_action a ON a.tenant_id = t.tenant_id AND a.id = t.action_id
      WHERE ${where}) b
    GROUP BY GROUPING SETS ((b.period, b.key, b.name), (b.key, b.name))
    ORDER BY b.period NULLS LAST, b.name, b.key`);
  const rows = res.rows.map(toRow);
  return {
    period: q.period,
    by: q.by,
    rows: rows.filter((r) => r.period !== 'all'),
    summary: rows.filter((r) => r.period === 'all'),
  };
}
