// The reminder job: marks tasks overdue when their deadline passes and leaves notices on the units' pages —
// a reminder some days before the deadline (the campaign's remindDaysBefore) and a notice on overdue.
// It runs every hour per tenant: each run first enqueues the next one under an id derived from its slot,
// so that however many nodes or campaigns schedule it, each slot runs once.
import { sqlTime } from '../../platform/sql';
import { openTaskStates } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requireCityScope, systemActor } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';
import { type JobQueue, nextSlot, schedulePeriodic } from '../../platform/jobs';
import { shanghaiDate } from '../../platform/clock';

export const REMINDER_JOB = 'campaigns.reminders';
const INTERVAL_MS = 3600_000;
const SYSTEM_NAME = 'reminder-job';

/** The start of the next hour. */
export function nextReminderSlot(now: Date): Date {
  return nextSlot(now, INTERVAL_MS);
}

/** Enqueue the periodic reminder run of a tenant at a slot; idempotent. */
export function scheduleReminderScan(db: Db, jobs: Pick<JobQueue, 'enqueue'>, tenantId: string, at: Date) {
  return schedulePeriodic(db, jobs, tenantId, REMINDER_JOB, at);
}

/** Queue a run now (office "check reminders now"); it does not start another periodic chain. */
export async function runRemindersNow(ctx: AppContext, actor: Actor): Promise<{ jobId: string }> {
  // The scan covers every campaign of the tenant: a city-scope office starts it.
  requireCityScope(actor, 'campaign.manage');
  const jobId = await ctx.jobs.enqueue(
    ctx.db,
    actor.tenantId,
    REMINDER_JOB,
    { periodic: false },
    {
      createdBy: actor.accountId,
    },
  );
  return { jobId };
}

export interface ReminderScanResult {
  markedOverdue: number;
  overdueNotices: number;
  dueReminders: number;
}

/** Open tasks past their deadline become `overdue`, each with a transition row and an audit event. */
async function markOverdue(tx: Db, actor: Actor): Promise<number> {
  const today = shanghaiDate(actor.now);
  const res = await tx.execute(sql`SELECT id, state, deadline::text AS deadline FROM task
    WHERE tenant_id = ${actor.tenantId} AND state = ANY(${sql.param([...openTaskStates])}::text[])
      AND deadline < ${today}::date ORDER BY id FOR UPDATE`);
  const rows = res.rows as { id: string; state: string; deadline: string }[];
  if (!rows.length) return 0;
  const ids = rows.map((r) => r.id);
  await tx.execute(sql`UPDATE task SET state = 'overdue', overdue_at = ${actor.now.toISOString()}, version = version + 1,
    updated_at = ${actor.now.toISOString()}
    WHERE tenant_id = ${actor.tenantId} AND id = ANY(${sql.param(ids)}::uuid[])`);
  await tx.execute(sql`INSERT INTO task_transition (tenant_id, id, task_id, action, from_state, to_state, actor_name)
    SELECT ${actor.tenantId}, x.id, x.task_id, 'mark_overdue', x.from_state, 'overdue', ${SYSTEM_NAME}
    FROM unnest(${sql.param(rows.map(() => newId()))}::uuid[], ${sql.param(ids)}::uuid[],
      ${sql.param(rows.map((r) => r.state))}::text[]) AS x(id, task_id, from_state)`);
  for (const r of rows)
    await writeAudit(tx, actor, {
      action: 'task.mark_overdue',
      objectType: 'task',
      objectId: r.id,
      before: { state: r.state },
      after: { state: 'overdue', deadline: r.deadline },
    });
  return rows.length;
}

/** One notice per overdue task and deadline, to its lead unit. */
async function noticeOverdue(tx: Db, tenantId: string, now: Date): Promise<number> {
  const res = await tx.execute(sql`INSERT INTO notice (tenant_id, id, unit_id, kind, title, body, campaign_id, task_id,
      dedupe_key, details, created_by_name, created_at)
    SELECT t.tenant_id, gen_random_uuid(), t.lead_unit_id, 'overdue', '任务逾期提醒',
      '任务「' || t.title || '」已超过完成时限（' || t.deadline::text || '），请尽快完成并报送工作台账。',
      t.campaign_id, t.id, 'overdue:' || t.id || ':' || t.deadline::text,
      json_build_object('deadline', t.deadline::text)::jsonb, ${SYSTEM_NAME}, ${sqlTime(now)}
    FROM task t WHERE t.tenant_id = ${tenantId} AND t.state = 'overdue'
    ON CONFLICT (tenant_id, dedupe_key) DO NOTHING RETURNING id`);
  return res.rows.length;
}

/** One reminder per open task whose deadline is within its campaign's reminder window. */
async function remindDue(tx: Db, tenantId: string, now: Date): Promise<number> {
  const today = shanghaiDate(now);
  const res = await tx.execute(sql`INSERT INTO notice (tenant_id, id, unit_id, kind, title, body, campaign_id, task_id,
      dedupe_key, details, created_by_name, created_at)
    SELECT t.tenant_id, gen_random_uuid(), t.lead_unit_id, 'reminder', '任务到期提醒',
      '任务「' || t.title || '」将于' || t.deadline::text || '到期，请按时完成并报送工作台账。',
      t.campaign_id, t.id, 'due:' || t.id || ':' || t.deadline::text,
      json_build_object('deadline', t.deadline::text, 'daysLeft', t.deadline - ${today}::date)::jsonb, ${SYSTEM_NAME},
      ${sqlTime(now)}
    FROM task t JOIN campaign c ON c.tenant_id = t.tenant_id AND c.id = t.campaign_id
    WHERE t.tenant_id = ${tenantId} AND t.state = ANY(${sql.param([...openTaskStates])}::text[])
      AND t.deadline >= ${today}::date AND t.deadline <= ${today}::date + c.remind_days_before
    ON CONFLICT (tenant_id, dedupe_key) DO NOTHING RETURNING id`);
  return res.rows.length;
}

/** One pass of the reminder job for a tenant; safe to repeat (notices are keyed, transitions conditional). */
export async function scanReminders(db: Db, tenantId: string, now: Date): Promise<ReminderScanResult> {
  const actor = systemActor(tenantId, SYSTEM_NAME, now);
  return db.transaction(async (tx) => {
    const markedOverdue = await markOverdue(tx, actor);
    const overdueNotices = await noticeOverdue(tx, tenantId, now);
    const dueReminders = await remindDue(tx, tenantId, now);
    const result = { markedOverdue, overdueNotices, dueReminders };
    if (overdueNotices + dueReminders > 0)
      await writeAudit(tx, actor, {
        action: 'notice.reminders',
        objectType: 'tenant',
        objectId: tenantId,
        after: result,
      });
    return result;
  });
}

/** Register the reminder job handler; a periodic run schedules its successor before it works. */
export function registerReminderJob(ctx: AppContext): void {
  ctx.jobs.register(REMINDER_JOB, async (job) => {
    const now = ctx.clock.now();
    if (job.payload?.periodic) await scheduleReminderScan(ctx.db, ctx.jobs, job.tenantId, nextReminderSlot(now));
    return scanReminders(ctx.db, job.tenantId, now);
  });
}
