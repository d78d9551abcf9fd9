import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { PNG, count, demoCampaignId, liaisonOf, publishedFramework, unitByName, upload } from './test-fixtures';

let t: TestApp;
let admin: Session;
let liaison: Session; // the demo liaison of 示范市精神文明建设指导委员会办公室
let hospital: Session; // liaison of 示范市人民医院
let campaignId: string;
let office: { id: string; name: string };
let cityMgmt: { id: string; name: string };

beforeAll(async () => {
  t = await createTestApp();
  [admin, liaison] = await Promise.all([t.login('admin'), t.login('unit_liaison')]);
  campaignId = await demoCampaignId(t);
  office = await unitByName(t, '示范市精神文明建设指导委员会办公室');
  cityMgmt = await unitByName(t, '示范市城市管理局');
  hospital = await liaisonOf(t, (await unitByName(t, '示范市人民医院')).id, 'hospital_liaison');
});
afterAll(() => t?.close());

const newTask = (over: Record<string, unknown> = {}) => ({
  title: '社区公益广告宣传栏更新',
  leadUnitId: office.id,
  coUnitIds: [cityMgmt.id],
  deadline: '2099-06-30',
  cadence: 'monthly',
  ...over,
});

async function create(body = newTask(), campaign = campaignId) {
  const res = await admin.inject({ method: 'POST', url: `/api/v1/campaigns/${campaign}/tasks`, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function evidence(s: Session) {
  const res = await upload(s, '/api/v1/files', PNG, { name: '现场照片.png', type: 'image/png' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('POST /campaigns/:id/tasks', () => {
  it('needs sign-in (401), a valid body (400), campaign.manage (403) and a campaign of the tenant (404)', async () => {
    const url = `/api/v1/campaigns/${campaignId}/tasks`;
    expect((await t.app.inject({ method: 'POST', url, payload: newTask() })).statusCode).toBe(401);
    const bad = await admin.inject({ method: 'POST', url, payload: newTask({ deadline: '2026-13-01', cadence: 'x' }) });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.fields.map((f: any) => f.field)
        .sort(),
    ).toEqual(['cadence', 'deadline']);
    expect((await liaison.inject({ method: 'POST', url, payload: newTask() })).statusCode).toBe(403);
    const other = `/api/v1/campaigns/${crypto.randomUUID()}/tasks`;
    expect((await admin.inject({ method: 'POST', url: other, payload: newTask() })).statusCode).toBe(404);
  });

  it('refuses a lead unit repeated as co-unit, unknown units and draft indicators, naming the field', async () => {
    const url = `/api/v1/campaigns/${campaignId}/tasks`;
    const dup = await admin.inject({ method: 'POST', url, payload: newTask({ coUnitIds: [office.id] }) });
    expect(dup.json().error.details.fields[0]).toMatchObject({ field: 'coUnitIds' });
    const unknown = await admin.inject({ method: 'POST', url, payload: newTask({ leadUnitId: crypto.randomUUID() }) });
    expect(unknown.json().error.details.fields[0]).toMatchObject({
      field: 'leadUnitId',
      message: '牵头单位：单位不存在',
    });
    const draft = await publishedFramework(t, 'draft');
    const ind = await admin.inject({
      method: 'POST',
      url,
      payload: newTask({ indicatorId: draft.indicators['1.1'].id }),
    });
    expect(ind.json().error.details.fields[0].field).toBe('indicatorId');
  });

  it('decomposes one indicator of the campaign\u2019s framework into several tasks, audited, idempotent by id', async () => {
    const [fw, otherFw] = [await publishedFramework(t), await publishedFramework(t)];
    const ind = fw.indicators['1.1'].id;
    const newCampaign = async (frameworkId: string | null) => {
      const payload = {
        name: '测评体系分解',
        kind: 'yearly_plan',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        frameworkId,
      };
      return (await admin.inject({ method: 'POST', url: '/api/v1/campaigns', payload })).json().id as string;
    };
    const [own, free, foreign] = [await newCampaign(fw.id), await newCampaign(null), await newCampaign(otherFw.id)];
    const outside = await admin.inject({
      method: 'POST',
      url: `/api/v1/campaigns/${foreign}/tasks`,
      payload: newTask({ indicatorId: ind }),
    });
    expect(outside.json().error.details.fields[0].field).toBe('indicatorId');
    const id = crypto.randomUUID();
    const a = await create(newTask({ id, indicatorId: ind, title: '分解任务一' }), own);
    const again = await create(newTask({ id, indicatorId: ind, title: '分解任务一' }), own);
    expect(again.id).toBe(a.id);
    await create(newTask({ indicatorId: ind, title: '分解任务二', leadUnitId: cityMgmt.id, coUnitIds: [] }), free);
    expect(a).toMatchObject({ state: 'assigned', indicator: { id: ind, code: '1.1' }, leadUnit: office });
    expect(a.coUnits).toEqual([cityMgmt]);
    const list = await admin.inject({ method: 'GET', url: `/api/v1/tasks?indicatorId=${ind}` });
    expect(list.json().total).toBe(2);
    expect(await count(t, 'audit_event', sql`action = 'task.create' AND object_id = ${id}`)).toBe(1);
  });
});

describe('task lists and scope', () => {
  it('shows a liaison only the tasks of its unit; another unit\u2019s task is a 404', async () => {
    const mine = await liaison.inject({ method: 'GET', url: '/api/v1/tasks/mine?pageSize=200' });
    expect(mine.statusCode).toBe(200);
    const items = mine.json().items as any[];
    expect(items.length).toBeGreaterThan(0);
    for (const x of items) expect([x.leadUnit.id, ...x.coUnits.map((c: any) => c.id)]).toContain(office.id);
    const all = await liaison.inject({ method: 'GET', url: '/api/v1/tasks?pageSize=200' });
    expect(all.json().total).toBe(mine.json().total);
    const foreign = await create(newTask({ leadUnitId: cityMgmt.id, coUnitIds: [] }));
    expect((await liaison.inject({ method: 'GET', url: `/api/v1/tasks/${foreign.id}` })).statusCode).toBe(404);
    const report = await liaison.inject({
      method: 'POST',
      url: `/api/v1/tasks/${foreign.id}/ledger`,
      payload: { text: '已完成' },
    });
    expect(report.statusCode).toBe(404);
  });

  it('filters by unit, action, state, deadline range and overdue', async () => {
    const campaign = (await admin.inject({ method: 'GET', url: `/api/v1/campaigns/${campaignId}` })).json();
    const action = campaign.actions[1];
    const byAction = (
      await admin.inject({ method: 'GET', url: `/api/v1/tasks?actionId=${action.id}&pageSize=100` })
    ).json();
    expect(byAction.total).toBeGreaterThan(0);
    for (const x of byAction.items) expect(x.action.id).toBe(action.id);
    const overdue = (
      await admin.inject({ method: 'GET', url: `/api/v1/tasks?campaignId=${campaignId}&overdue=true` })
    ).json();
    expect(overdue.items.map((x: any) => x.title)).toEqual(['老旧小区楼道杂物清理']);
    const byState = (await admin.inject({ method: 'GET', url: '/api/v1/tasks?state=accepted&pageSize=100' })).json();
    expect(byState.total).toBe(7);
    const range = (
      await admin.inject({
        method: 'GET',
        url: '/api/v1/tasks?deadlineFrom=2099-01-01&deadlineTo=2099-12-31&pageSize=100',
      })
    ).json();
    for (const x of range.items) expect(x.deadline.startsWith('2099')).toBe(true);
    const byUnit = (
      await admin.inject({ method: 'GET', url: `/api/v1/tasks?unitId=${cityMgmt.id}&pageSize=100` })
    ).json();
    for (const x of byUnit.items) expect([x.leadUnit.id, ...x.coUnits.map((c: any) => c.id)]).toContain(cityMgmt.id);
  });
});

describe('the full loop', () => {
  it('assign → report with evidence → return with reason → report again → accept, all audited', async () => {
    const task = await create();
    const started = await liaison.inject({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/transitions`,
      payload: { action: 'start' },
    });
    expect(started.json()).toMatchObject({ state: 'in_progress', allowedActions: ['report'] });
    const fileId = await evidence(liaison);
    const entryId = crypto.randomUUID();
    const entry = { id: entryId, text: '宣传栏已全部更新，附照片。', fileIds: [fileId] };
    const first = await liaison.inject({ method: 'POST', url: `/api/v1/tasks/${task.id}/ledger`, payload: entry });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ unit: office, files: [{ id: fileId, name: '现场照片.png' }] });
    const resend = await liaison.inject({ method: 'POST', url: `/api/v1/tasks/${task.id}/ledger`, payload: entry });
    expect(resend.statusCode).toBe(200);
    expect(resend.json().id).toBe(entryId);

    const noReason = await admin.inject({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/transitions`,
      payload: { action: 'return' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].field).toBe('reason');
    const returned = await admin.inject({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/transitions`,
      payload: { action: 'return', reason: '缺少更新前后对比照片' },
    });
    expect(returned.json().state).toBe('returned');
    const again = await liaison.inject({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/ledger`,
      payload: { text: '补充更新前后对比照片。', fileIds: [await evidence(liaison)] },
    });
    expect(again.statusCode).toBe(201);
    const accepted = await admin.inject({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/transitions`,
      payload: { action: 'accept' },
    });
    expect(accepted.json()).toMatchObject({ state: 'accepted', allowedActions: [] });
    expect(accepted.json().history.map((h: any) => [h.action, h.to, h.reason])).toEqual([
      ['start', 'in_progress', null],
      ['report', 'reported', null],
      ['return', 'returned', '缺少更新前后对比照片'],
      ['report', 'reported', null],
      ['accept', 'accepted', null],
    ]);
    const ledger = await admin.inject({ method: 'GET', url: `/api/v1/tasks/${task.id}/ledger` });
    expect(ledger.json()).toHaveLength(2);
    const audited = await t.ctx.db.execute(sql`SELECT action FROM audit_event WHERE tenant_id = ${t.tenantId}
      AND (object_id = ${task.id} OR (object_type = 'ledger_entry' AND after->>'taskId' = ${task.id})) ORDER BY seq`);
    expect(audited.rows.map((r: any) => r.action)).toEqual([
      'task.create',
      'task.start',
      'ledger.create',
      'task.report',
      'task.return',
      'ledger.create',
      'task.report',
      'task.accept',
    ]);
  });

  it('answers 409 TASK_TRANSITION_NOT_ALLOWED for a transition outside the table, 403 for the wrong role', async () => {
    const task = await create();
    const accept = await admin.inject({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/transitions`,
      payload: { action: 'accept' },
    });
    expect(accept.statusCode).toBe(409);
    expect(accept.json().error).toMatchObject({
      code: 'TASK_TRANSITION_NOT_ALLOWED',
      message: '当前状态下不能执行此操作',
    });
    const byLiaison = await liaison.inject({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/transitions`,
      payload: { action: 'accept' },
    });
    expect(byLiaison.statusCode).toBe(403);
    await liaison.inject({ method: 'POST', url: `/api/v1/tasks/${task.id}/ledger`, payload: { text: '完成' } });
    await admin.inject({ method: 'POST', url: `/api/v1/tasks/${task.id}/transitions`, payload: { action: 'accept' } });
    const late = await liaison.inject({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/ledger`,
      payload: { text: '再报' },
    });
    expect(late.statusCode).toBe(409);
    expect(await count(t, 'ledger_entry', sql`task_id = ${task.id}`)).toBe(1);
  });

  it('refuses evidence the liaison did not upload, and lets another unit\u2019s liaison see none of it', async () => {
    const task = await create();
    const foreignFile = await evidence(hospital);
    const res = await liaison.inject({
      method: 'POST',
      url: `/api/v1/tasks/${task.id}/ledger`,
      payload: { text: '完成', fileIds: [foreignFile] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'fileIds', message: '佐证材料：文件不存在' });
    expect((await hospital.inject({ method: 'GET', url: `/api/v1/tasks/${task.id}/ledger` })).statusCode).toBe(404);
  });

  it('still takes a report on an overdue task', async () => {
    const overdue = (await admin.inject({ method: 'GET', url: '/api/v1/tasks?state=overdue' })).json().items[0];
    const cityLiaison = await liaisonOf(t, overdue.leadUnit.id, 'city_liaison');
    const res = await cityLiaison.inject({
      method: 'POST',
      url: `/api/v1/tasks/${overdue.id}/ledger`,
      payload: { text: '已清理完毕' },
    });
    expect(res.statusCode).toBe(201);
    const after = (await admin.inject({ method: 'GET', url: `/api/v1/tasks/${overdue.id}` })).json();
    expect(after).toMatchObject({ state: 'reported', isOverdue: false, allowedActions: ['accept', 'return'] });
  });
});
