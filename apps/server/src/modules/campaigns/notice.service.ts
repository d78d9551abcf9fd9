// Notices on a unit's page: reminders and overdue notices from the job, reminder letters (提醒函) generated as
// Word documents, and summons (约谈) — each audited.
import { sqlTime } from '../../platform/sql';
import { shanghaiYear, isoOrNull } from '../../platform/clock';
import type { NoticeKind, NoticeView, Permission } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { DOCX_TYPE, formatDocNumber } from '../../platform/documents';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { type OverdueTaskLine, buildReminderLetter, officeCode } from './campaign-documents';
import { taskScope, todaySql, unitScope } from './campaign.policy';
import { isOverdueSql } from './task.repository';

/** The unit if it is inside the actor's scope for the permission; 404 otherwise. */
export async function getScopedUnit(db: Db, actor: Actor, unitId: string, permission: Permission) {
  requirePermission(actor, permission);
  const res = await db.execute(sql`SELECT u.id, u.name FROM unit u WHERE u.tenant_id = ${actor.tenantId}
    AND u.id = ${unitId} AND ${unitScope(actor, permission, sql`u.id`, sql`u.region_code`)}`);
  if (!res.rows[0]) throw fail('UNIT_NOT_FOUND');
  return res.rows[0] as { id: string; name: string };
}

const columns = sql`n.id, n.unit_id, u.name AS unit_name, n.kind, n.title, n.body, n.campaign_id, n.task_id, n.file_id,
  n.doc_number, n.details, n.created_by_name, n.created_at`;
const from = sql`notice n JOIN unit u ON u.tenant_id = n.tenant_id AND u.id = n.unit_id`;

function toNoticeView(r: any): NoticeView {
  return {
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name },
    kind: r.kind,
    title: r.title,
    body: r.body,
    campaignId: r.campaign_id,
    taskId: r.task_id,
    fileId: r.file_id,
    docNumber: r.doc_number,
    details: typeof r.details === 'string' ? JSON.parse(r.details) : r.details,
    createdBy: r.created_by_name,
    createdAt: isoOrNull(r.created_at)!,
  };
}

/** Notices of a unit, newest first; 404 when the unit is outside the actor's scope. */
export async function listUnitNotices(
  db: Db,
  actor: Actor,
  unitId: string,
  f: { kind?: NoticeKind; page: number; pageSize: number },
) {
  await getScopedUnit(db, actor, unitId, 'campaign.read');
  const where = allOf(
    sql`n.tenant_id = ${actor.tenantId} AND n.unit_id = ${unitId}`,
    f.kind ? sql`n.kind = ${f.kind}` : null,
  );
  return queryPage(db, { columns, from, where, orderBy: sql`n.created_at DESC, n.id DESC` }, f, toNoticeView);
}

/** One notice and the stored file it carries (a reminder letter), for whoever may see the unit's notices. */
export async function getNoticeFile(ctx: AppContext, actor: Actor, id: string) {
  requirePermission(actor, 'campaign.read');
  const res = await ctx.db.execute(sql`SELECT n.unit_id, f.name, f.sha256, fo.content_type FROM notice n
    JOIN file f ON f.tenant_id = n.tenant_id AND f.id = n.file_id
    JOIN file_object fo ON fo.tenant_id = f.tenant_id AND fo.sha256 = f.sha256
    WHERE n.tenant_id = ${actor.tenantId} AND n.id = ${id}`);
  const r = res.rows[0] as any;
  if (!r) throw fail('NOTICE_NOT_FOUND');
  await getScopedUnit(ctx.db, actor, r.unit_id, 'campaign.read').catch(() => {
    throw fail('NOTICE_NOT_FOUND');
  });
  return { name: r.name as string, contentType: r.content_type as string, bytes: ctx.files.read(r.sha256) };
}

async function overdueTasksOf(
  db: Db,
  actor: Actor,
  unitId: string,
  campaignId?: string,
): Promise<(OverdueTaskLine & { id: string })[]> {
  const res = await db.execute(sql`SELECT t.id, t.title, a.name AS action_name, t.deadline::text AS deadline, t.cadence,
      (${todaySql(actor.now)} - t.deadline) AS days_overdue, tu.role
    FROM task t JOIN task_unit tu ON tu.tenant_id = t.tenant_id AND tu.task_id = t.id AND tu.unit_id = ${unitId}
      LEFT JOIN campaign_action a ON a.tenant_id = t.tenant_id AND a.id = t.action_id
    WHERE t.tenant_id = ${actor.tenantId} AND ${isOverdueSql(actor.now)} AND ${taskScope(actor, 'campaign.manage')}
      ${campaignId ? sql`AND t.campaign_id = ${campaignId}` : sql``}
    ORDER BY t.deadline, t.title`);
  return res.rows.map((r: any) => ({
    id: r.id,
    title: r.title,
    actionName: r.action_name,
    deadline: r.deadline,
    cadence: r.cadence,
    daysOverdue: Number(r.days_overdue),
    role: r.role,
  }));
}

/** The next document number of the year, serialised per tenant by an advisory lock held to commit. */
async function nextDocNumber(tx: Db, tenantId: string, year: number) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`notice-doc:${tenantId}`}))`);
  const res =
    await tx.execute(sql`SELECT COALESCE(max(doc_seq), 0) + 1 AS seq, (SELECT name FROM tenant WHERE id = ${tenantId}) AS tenant_name
    FROM notice WHERE tenant_id = ${tenantId} AND doc_year = ${year}`);
  const r = res.rows[0] as { seq: number; tenant_name: string };
  return {
    seq: Number(r.seq),
    tenantName: r.tenant_name,
    docNumber: formatDocNumber(officeCode(r.tenant_name), year, Number(r.seq)),
  };
}

/** Generate a reminder letter for a unit's overdue tasks, store it and leave it as a notice (422 if none are overdue). */
export async function createReminderLetter(
  ctx: AppContext,
  actor: Actor,
  unitId: string,
  body: { campaignId?: string; replyWithinDays: number },
): Promise<NoticeView> {
  const unit = await getScopedUnit(ctx.db, actor, unitId, 'campaign.manage');
  const tasks = await overdueTasksOf(ctx.db, actor, unitId, body.campaignId);
  if (!tasks.length) throw fail('UNIT_HAS_NO_OVERDUE_TASKS');
  const id = newId();
  const now = actor.now;
  const year = shanghaiYear(now);
  await ctx.db.transaction(async (tx) => {
    const { seq, tenantName, docNumber } = await nextDocNumber(tx, actor.tenantId, year);
    const bytes = await buildReminderLetter({ tenantName, unitName: unit.name, docNumber, tasks, date: now, ...body });
    const name = `提醒函（${docNumber}）${unit.name}.docx`;
    const file = await ctx.files.save(tx, actor, bytes, { name, purpose: 'reminder-letter' }, [DOCX_TYPE]);
    const text = `你单位有${tasks.length}项创建任务逾期未完成，请于${body.replyWithinDays}个工作日内完成并报送工作台账。`;
    const details = { taskIds: tasks.map((t) => t.id), replyWithinDays: body.replyWithinDays };
    await tx.execute(sql`INSERT INTO notice (tenant_id, id, unit_id, kind, title, body, campaign_id, file_id, doc_year,
        doc_seq, doc_number, details, created_by, created_by_name, created_at)
      VALUES (${actor.tenantId}, ${id}, ${unitId}, 'reminder_letter', '关于督促加快推进文明创建任务的提醒函', ${text},
        ${body.campaignId ?? null}, ${file.id}, ${year}, ${seq}, ${docNumber}, ${JSON.stringify(details)}::jsonb,
        ${actor.accountId}, ${actor.displayName}, ${sqlTime(now)})`);
    await writeAudit(tx, actor, {
      action: 'notice.reminder_letter',
      objectType: 'notice',
      objectId: id,
      after: { unitId, docNumber, fileId: file.id, ...details },
    });
  });
  return getNotice(ctx.db, actor.tenantId, id);
}

async function getNotice(db: Db, tenantId: string, id: string): Promise<NoticeView> {
  const res = await db.execute(sql`SELECT ${columns} FROM ${from} WHERE n.tenant_id = ${tenantId} AND n.id = ${id}`);
  return toNoticeView(res.rows[0]);
}

/** Every task named belongs to the unit (as lead or co-unit); 400 naming taskIds otherwise. */
async function assertTasksOfUnit(db: Db, tenantId: string, unitId: string, taskIds: string[]) {
  if (!taskIds.length) return;
  const res = await db.execute(sql`SELECT count(*)::int AS n FROM task_unit WHERE tenant_id = ${tenantId}
    AND unit_id = ${unitId} AND task_id = ANY(${sql.param(taskIds)}::uuid[])`);
  if (Number((res.rows[0] as any).n) !== new Set(taskIds).size)
    throw invalidFields([{ field: 'taskIds', key: 'invalid_value' }]);
}

/** Record a summons (约谈) of a unit, with time, place, attendees and the tasks concerned; idempotent by id. */
export async function recordSummons(
  db: Db,
  actor: Actor,
  unitId: string,
  body: {
    id?: string;
    reason: string;
    scheduledAt?: string;
    place?: string | null;
    attendees?: string | null;
    taskIds: string[];
  },
): Promise<NoticeView> {
  await getScopedUnit(db, actor, unitId, 'campaign.manage');
  await assertTasksOfUnit(db, actor.tenantId, unitId, body.taskIds);
  const id = body.id ?? newId();
  const details = {
    scheduledAt: body.scheduledAt ?? null,
    place: body.place ?? null,
    attendees: body.attendees ?? null,
    taskIds: body.taskIds,
  };
  await db.transaction(async (tx) => {
    const res = await tx.execute(sql`INSERT INTO notice (tenant_id, id, unit_id, kind, title, body, details, created_by,
        created_by_name, created_at)
      VALUES (${actor.tenantId}, ${id}, ${unitId}, 'summons', '约谈通知', ${body.reason}, ${JSON.stringify(details)}::jsonb,
        ${actor.accountId}, ${actor.displayName}, ${sqlTime(actor.now)}) ON CONFLICT DO NOTHING RETURNING id`);
    if (res.rows.length)
      await writeAudit(tx, actor, {
        action: 'notice.summons',
        objectType: 'notice',
        objectId: id,
        after: { unitId, reason: body.reason, ...details },
      });
  });
  const notice = await getNotice(db, actor.tenantId, id);
  if (notice.unit.id !== unitId || notice.kind !== 'summons') throw fail('NOTICE_ID_TAKEN');
  return notice;
}
