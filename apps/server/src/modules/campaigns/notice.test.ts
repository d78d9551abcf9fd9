import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { REMINDER_JOB, nextReminderSlot, scheduleReminderScan } from './reminders';
import { count, demoCampaignId, liaisonOf, readZipEntry, unitByName } from './test-fixtures';

let t: TestApp;
let admin: Session;
let campaignId: string;
let unit: { id: string; name: string };
let unitLiaison: Session;

const daysFromToday = (n: number) => {
  const d = new Date(Date.now() + 8 * 3600_000 + n * 86_400_000);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  campaignId = await demoCampaignId(t);
  unit = await unitByName(t, '示范市博物馆');
  unitLiaison = await liaisonOf(t, unit.id, 'museum_liaison');
});
afterAll(() => t?.close());

async function task(title: string, deadline: string, unitId = unit.id) {
  const res = await admin.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${campaignId}/tasks`,
    payload: { title, leadUnitId: unitId, deadline, cadence: 'weekly' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function runReminders(s: Session) {
  const res = await s.inject({ method: 'POST', url: '/api/v1/tasks/reminders/run' });
  expect(res.statusCode).toBe(202);
  await t.drainJobs();
  return (await s.inject({ method: 'GET', url: `/api/v1/jobs/${res.json().jobId}` })).json();
}

describe('the reminder job', () => {
  it('is started by sign-in holders of campaign.manage only', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/tasks/reminders/run' })).statusCode).toBe(401);
    expect((await unitLiaison.inject({ method: 'POST', url: '/api/v1/tasks/reminders/run' })).statusCode).toBe(403);
  });

  it('marks open tasks past their deadline overdue, reminds before deadlines, and does it once', async () => {
    const late = await task('展陈讲解词规范化', daysFromToday(-2));
    const returned = await task('参观预约服务优化', daysFromToday(-1));
    await t.ctx.db.execute(
      sql`UPDATE task SET state = 'returned' WHERE tenant_id = ${t.tenantId} AND id = ${returned.id}`,
    );
    const soon = await task('文明旅游宣传展板更新', daysFromToday(2));
    const later = await task('志愿讲解员培训', daysFromToday(30));
    const job = await runReminders(admin);
    expect(job.status).toBe('done');
    expect(job.result.markedOverdue).toBeGreaterThanOrEqual(2);
    for (const x of [late, returned]) {
      const view = (await admin.inject({ method: 'GET', url: `/api/v1/tasks/${x.id}` })).json();
      expect(view).toMatchObject({ state: 'overdue', isOverdue: true });
      expect(view.history.at(-1)).toMatchObject({ action: 'mark_overdue', to: 'overdue', by: 'reminder-job' });
    }
    expect(await count(t, 'audit_event', sql`action = 'task.mark_overdue' AND object_id = ${late.id}`)).toBe(1);
    const notices = (await unitLiaison.inject({ method: 'GET', url: `/api/v1/units/${unit.id}/notices` })).json();
    const byTask = (id: string) => notices.items.filter((n: any) => n.taskId === id).map((n: any) => n.kind);
    expect(byTask(late.id)).toEqual(['overdue']);
    expect(byTask(returned.id)).toEqual(['overdue']);
    expect(byTask(soon.id)).toEqual(['reminder']);
    expect(byTask(later.id)).toEqual([]);
    const again = await runReminders(admin);
    expect(again.result).toEqual({ markedOverdue: 0, overdueNotices: 0, dueReminders: 0 });
    expect((await unitLiaison.inject({ method: 'GET', url: `/api/v1/units/${unit.id}/notices` })).json().total).toBe(
      notices.total,
    );
  });

  it('runs every hour: a periodic run enqueues the next slot once, however often it is scheduled', async () => {
    const future = sql`kind = ${REMINDER_JOB} AND status = 'queued' AND run_at > now()`;
    expect(await count(t, 'job', future)).toBe(1); // scheduled by the demo seed
    await admin.inject({
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: { name: '文明交通专项行动', kind: 'special_action', startDate: '2026-05-01', endDate: '2026-05-31' },
    });
    expect(await count(t, 'job', future)).toBe(1);
    const past = new Date(nextReminderSlot(t.ctx.clock.now()).getTime() - 3 * 3600_000);
    const id = await scheduleReminderScan(t.ctx.db, t.ctx.jobs, t.tenantId, past);
    await t.drainJobs();
    const ran = await t.ctx.db.execute(sql`SELECT status FROM job WHERE tenant_id = ${t.tenantId} AND id = ${id}`);
    expect((ran.rows[0] as any).status).toBe('done');
    const next = await t.ctx.db.execute(sql`SELECT run_at FROM job WHERE tenant_id = ${t.tenantId} AND ${future}`);
    expect(next.rows.map((r: any) => new Date(r.run_at).toISOString())).toEqual([
      nextReminderSlot(t.ctx.clock.now()).toISOString(),
    ]);
  });
});

describe('reminder letters and summons', () => {
  it('needs sign-in, campaign.manage and a unit in scope; a unit with nothing overdue is a 422', async () => {
    const url = `/api/v1/units/${unit.id}/reminder-letters`;
    expect((await t.app.inject({ method: 'POST', url, payload: {} })).statusCode).toBe(401);
    expect((await unitLiaison.inject({ method: 'POST', url, payload: {} })).statusCode).toBe(403);
    const bad = await admin.inject({ method: 'POST', url, payload: { replyWithinDays: 0 } });
    expect(bad.statusCode).toBe(400);
    const missing = await admin.inject({
      method: 'POST',
      url: `/api/v1/units/${crypto.randomUUID()}/reminder-letters`,
      payload: {},
    });
    expect(missing.statusCode).toBe(404);
    const clean = await unitByName(t, '示范市志愿服务联合会');
    await t.ctx.db.execute(sql`UPDATE task SET state = 'accepted' WHERE tenant_id = ${t.tenantId}
      AND id IN (SELECT task_id FROM task_unit WHERE tenant_id = ${t.tenantId} AND unit_id = ${clean.id})`);
    const none = await admin.inject({ method: 'POST', url: `/api/v1/units/${clean.id}/reminder-letters`, payload: {} });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.code).toBe('UNIT_HAS_NO_OVERDUE_TASKS');
  });

  it('generates a numbered Word letter the unit can download; it names the unit and its overdue tasks', async () => {
    await task('文物安全巡查台账', daysFromToday(-10));
    const url = `/api/v1/units/${unit.id}/reminder-letters`;
    // The demo may have numbered documents of this year already: numbers are counted from the first letter here.
    const lettersBefore = await count(t, 'audit_event', sql`action = 'notice.reminder_letter'`);
    const res = await admin.inject({ method: 'POST', url, payload: { replyWithinDays: 3 } });
    expect(res.statusCode, res.body).toBe(201);
    const letter = res.json();
    const year = daysFromToday(0).slice(0, 4);
    expect(letter).toMatchObject({ kind: 'reminder_letter', unit });
    const seq = Number(new RegExp(`^示范文明办〔${year}〕(\\d+)号$`).exec(letter.docNumber)?.[1]);
    expect(seq).toBeGreaterThanOrEqual(1);
    const second = (await admin.inject({ method: 'POST', url, payload: {} })).json();
    expect(second.docNumber).toBe(`示范文明办〔${year}〕${seq + 1}号`);
    const file = await unitLiaison.inject({ method: 'GET', url: `/api/v1/notices/${letter.id}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xml = readZipEntry(file.rawPayload, 'word/document.xml')!;
    expect(xml).toContain(unit.name);
    expect(xml).toContain('提醒函');
    expect(xml).toContain(letter.docNumber);
    expect(xml).toContain('文物安全巡查台账');
    expect(xml).toContain('3个工作日内');
    expect(readZipEntry(file.rawPayload, '[Content_Types].xml')).toContain('wordprocessingml');
    const list = (await unitLiaison.inject({ method: 'GET', url })).json();
    expect(list.items.map((n: any) => n.docNumber).slice(0, 2)).toEqual([second.docNumber, letter.docNumber]);
    expect(await count(t, 'audit_event', sql`action = 'notice.reminder_letter'`)).toBe(lettersBefore + 2);
    const other = await liaisonOf(t, (await unitByName(t, '示范市团结小学')).id, 'school_liaison');
    expect((await other.inject({ method: 'GET', url: `/api/v1/notices/${letter.id}/file` })).statusCode).toBe(404);
    expect((await other.inject({ method: 'GET', url: `/api/v1/units/${unit.id}/notices` })).statusCode).toBe(404);
  });

  it('records a summons on the unit\u2019s page, audited and idempotent by id', async () => {
    const overdue = (await admin.inject({ method: 'GET', url: `/api/v1/tasks?unitId=${unit.id}&overdue=true` })).json();
    const body = {
      id: crypto.randomUUID(),
      reason: '多项任务逾期未完成，提醒函发出后仍未整改',
      scheduledAt: '2026-12-01T09:30:00+08:00',
      place: '市文明办第一会议室',
      attendees: '单位分管负责人、联络员',
      taskIds: overdue.items.map((x: any) => x.id),
    };
    const url = `/api/v1/units/${unit.id}/summons`;
    const summonsBefore = await count(t, 'audit_event', sql`action = 'notice.summons'`);
    const first = await admin.inject({ method: 'POST', url, payload: body });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ kind: 'summons', body: body.reason, details: { place: body.place } });
    expect((await admin.inject({ method: 'POST', url, payload: body })).json().id).toBe(body.id);
    const badTask = await admin.inject({
      method: 'POST',
      url,
      payload: { reason: 'x', taskIds: [crypto.randomUUID()] },
    });
    expect(badTask.statusCode).toBe(400);
    const page = (
      await unitLiaison.inject({ method: 'GET', url: `/api/v1/units/${unit.id}/notices?kind=summons` })
    ).json();
    expect(page.items.map((n: any) => n.id)).toContain(body.id);
    expect(await count(t, 'audit_event', sql`action = 'notice.summons'`)).toBe(summonsBefore + 1);
  });
});
