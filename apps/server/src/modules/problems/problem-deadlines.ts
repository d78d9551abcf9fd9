// The deadline job of problems: a reminder to the unit some hours before the deadline, the overdue flag (and a
// notice) once it passes, and after a configurable delay an escalation to the unit's leader and to the office.
// It runs every hour per tenant; each periodic run first enqueues the next under an id derived from its slot,
// so that however many nodes or reports schedule it, each slot runs once (the campaigns' reminder pattern).
import { type ProblemSettings, openProblemStatuses } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, systemActor } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { type JobQueue, ensurePeriodic, nextSlot, schedulePeriodic } from '../../platform/jobs';
import { getProblemSettings } from './problem-settings.service';

export const PROBLEM_DEADLINE_JOB = 'problems.deadlines';
const INTERVAL_MS = 3600_000;
const SYSTEM_NAME = 'problem-deadline-job';

/** The start of the next hour. */
export function nextProblemScanSlot(now: Date): Date {
  return nextSlot(now, INTERVAL_MS);
}

/** Enqueue the periodic deadline run of a tenant at a slot; idempotent. */
export function scheduleProblemScan(db: Db, jobs: Pick<JobQueue, 'enqueue'>, tenantId: string, at: Date) {
  return schedulePeriodic(db, jobs, tenantId, PROBLEM_DEADLINE_JOB, at);
}

/** Make sure the tenant's next periodic run is queued (looked up first: concurrent reports must not queue on it). */
export function ensureProblemScan(db: Db, jobs: Pick<JobQueue, 'enqueue'>, tenantId: string, now: Date) {
  return ensurePeriodic(db, jobs, tenantId, PROBLEM_DEADLINE_JOB, nextProblemScanSlot(now));
}

export interface ProblemScanResult {
  reminders: number;
  markedOverdue: number;
  escalations: number;
}

const OPEN = sql`p.status = ANY(${sql.param([...openProblemStatuses])}::text[]) AND p.assigned_unit_id IS NOT NULL`;
const LOCAL_DEADLINE = sql`to_char(p.deadline_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`;
const PROBLEM_JOIN = sql`problem p JOIN unit u ON u.tenant_id = p.tenant_id AND u.id = p.assigned_unit_id
  JOIN problem_category c ON c.tenant_id = p.tenant_id AND c.code = p.category`;

/** One reminder per problem and deadline, when the deadline is within the reminder window. */
async function remindDue(tx: Db, tenantId: string, now: Date, s: ProblemSettings): Promise<number> {
  const res = await tx.execute(sql`WITH due AS (
      INSERT INTO problem_notice (tenant_id, id, problem_id, kind, recipient, unit_id, region_code, title, body, dedupe_key,
        created_at)
      SELECT p.tenant_id, gen_random_uuid(), p.id, 'reminder', 'unit', p.assigned_unit_id, p.region_code, '问题整改到期提醒',
        '问题' || p.number || '（' || c.name || '）将于' || ${LOCAL_DEADLINE} || '到期，请按时整改并上传整改后照片。',
        'reminder:' || p.id || ':' || p.deadline_at::text, ${now.toISOString()}::timestamptz
      FROM ${PROBLEM_JOIN}
      WHERE p.tenant_id = ${tenantId} AND ${OPEN} AND p.deadline_at > ${now.toISOString()}::timestamptz
        AND p.deadline_at <= ${now.toISOString()}::timestamptz + make_interval(hours => ${s.remindHoursBefore})
      ON CONFLICT (tenant_id, dedupe_key) DO NOTHING RETURNING problem_id)
    UPDATE problem SET reminded_at = ${now.toISOString()} FROM due
    WHERE problem.tenant_id = ${tenantId} AND problem.id = due.problem_id RETURNING problem.id`);
  return res.rows.length;
}

/** Open problems past their deadline get the overdue flag, a notice to the unit and an audit event each. */
async function markOverdue(tx: Db, actor: Actor, now: Date): Promise<number> {
  const res = await tx.execute(sql`UPDATE problem p SET overdue_at = ${now.toISOString()}
    WHERE p.tenant_id = ${actor.tenantId} AND ${OPEN} AND p.deadline_at <= ${now.toISOString()}::timestamptz
      AND p.overdue_at IS NULL
    RETURNING p.id, p.deadline_at`);
  const rows = res.rows as { id: string; deadline_at: string }[];
  if (!rows.length) return 0;
  await tx.execute(sql`INSERT INTO problem_notice (tenant_id, id, problem_id, kind, recipient, unit_id, region_code, title,
      body, dedupe_key, created_at)
    SELECT p.tenant_id, gen_random_uuid(), p.id, 'overdue', 'unit', p.assigned_unit_id, p.region_code, '问题整改逾期提醒',
      '问题' || p.number || '（' || c.name || '）已超过整改时限（' || ${LOCAL_DEADLINE} || '），请立即整改。',
      'overdue:' || p.id || ':' || p.deadline_at::text, ${now.toISOString()}::timestamptz
    FROM ${PROBLEM_JOIN} WHERE p.tenant_id = ${actor.tenantId} AND p.id = ANY(${sql.param(rows.map((r) => r.id))}::uuid[])
    ON CONFLICT (tenant_id, dedupe_key) DO NOTHING`);
  for (const r of rows)
    await writeAudit(tx, actor, {
      action: 'problem.overdue',
      objectType: 'problem',
      objectId: r.id,
      after: { overdueAt: now.toISOString(), deadlineAt: new Date(r.deadline_at).toISOString() },
    });
  return rows.length;
}

/** Problems overdue for longer than the escalation delay: a notice to the unit's leader and one to the office. */
async function escalate(tx: Db, actor: Actor, now: Date, s: ProblemSettings): Promise<number> {
  const res = await tx.execute(sql`UPDATE problem p SET escalated_at = ${now.toISOString()}
    WHERE p.tenant_id = ${actor.tenantId} AND ${OPEN} AND p.escalated_at IS NULL
      AND p.deadline_at + make_interval(hours => ${s.escalateAfterHours}) <= ${now.toISOString()}::timestamptz
    RETURNING p.id`);
  const ids = (res.rows as { id: string }[]).map((r) => r.id);
  if (!ids.length) return 0;
  const text = sql`'问题' || p.number || '（' || c.name || '，' || COALESCE(p.address, p.description) || '）整改已逾期，
    时限为' || ${LOCAL_DEADLINE} || '，责任单位：' || u.name`;
  await tx.execute(sql`INSERT INTO problem_notice (tenant_id, id, problem_id, kind, recipient, unit_id, region_code, title,
      body, dedupe_key, created_at)
    SELECT p.tenant_id, gen_random_uuid(), p.id, 'escalation', r.recipient, p.assigned_unit_id, p.region_code,
      CASE r.recipient WHEN 'office' THEN '问题逾期未整改情况报告' ELSE '问题逾期督办通知' END,
      CASE r.recipient WHEN 'office' THEN ${text} || '，请文明办督办。'
        ELSE ${text} || '。请' || COALESCE(u.contact_name || '同志', '单位负责同志') || '督促整改。' END,
      'escalation:' || r.recipient || ':' || p.id || ':' || p.deadline_at::text, ${now.toISOString()}::timestamptz
    FROM ${PROBLEM_JOIN} CROSS JOIN (VALUES ('unit_leader'), ('office')) AS r(recipient)
    WHERE p.tenant_id = ${actor.tenantId} AND p.id = ANY(${sql.param(ids)}::uuid[])
    ON CONFLICT (tenant_id, dedupe_key) DO NOTHING`);
  for (const id of ids)
    await writeAudit(tx, actor, {
      action: 'problem.escalate',
      objectType: 'problem',
      objectId: id,
      after: { escalatedAt: now.toISOString(), recipients: ['unit_leader', 'office'] },
    });
  return ids.length;
}

/** One pass of the deadline job for a tenant; safe to repeat (notices are keyed, flags conditional). */
export async function scanProblemDeadlines(db: Db, tenantId: string, now: Date): Promise<ProblemScanResult> {
  const actor = systemActor(tenantId, SYSTEM_NAME, now);
  const settings = await getProblemSettings(db, tenantId);
  return db.transaction(async (tx) => {
    const reminders = await remindDue(tx, tenantId, now, settings);
    const markedOverdue = await markOverdue(tx, actor, now);
    const escalations = await escalate(tx, actor, now, settings);
    return { reminders, markedOverdue, escalations };
  });
}

/** Register the deadline job handler; a periodic run schedules its successor before it works. */
export function registerProblemDeadlineJob(ctx: AppContext): void {
  ctx.jobs.register(PROBLEM_DEADLINE_JOB, async (job) => {
    const now = ctx.clock.now();
    if (job.payload?.periodic) await scheduleProblemScan(ctx.db, ctx.jobs, job.tenantId, nextProblemScanSlot(now));
    return scanProblemDeadlines(ctx.db, job.tenantId, now);
  });
}
