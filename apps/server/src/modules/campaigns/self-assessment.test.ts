import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { compareCodes } from './self-assessment-report';
import { PNG, count, liaisonOf, publishedFramework, readZipEntry, unitByName, upload } from './test-fixtures';

let t: TestApp;
let admin: Session;
let liaison: Session;
let office: { id: string; name: string };
let fw: Awaited<ReturnType<typeof publishedFramework>>;

beforeAll(async () => {
  t = await createTestApp();
  [admin, liaison] = await Promise.all([t.login('admin'), t.login('unit_liaison')]);
  office = await unitByName(t, '示范市精神文明建设指导委员会办公室');
  fw = await publishedFramework(t);
});
afterAll(() => t?.close());

const ind = (code: string) => fw.indicators[code].id;

async function open(s = liaison) {
  const res = await s.inject({
    method: 'POST',
    url: '/api/v1/self-assessments',
    payload: { unitId: office.id, frameworkId: fw.id },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('POST /self-assessments', () => {
  it('needs sign-in (401), a valid body (400), selfassessment.manage (403), a unit in scope (404)', async () => {
    const payload = { unitId: office.id, frameworkId: fw.id };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/self-assessments', payload })).statusCode).toBe(401);
    const bad = await liaison.inject({ method: 'POST', url: '/api/v1/self-assessments', payload: { unitId: 'x' } });
    expect(bad.statusCode).toBe(400);
    const inspector = await t.login('inspector');
    expect((await inspector.inject({ method: 'POST', url: '/api/v1/self-assessments', payload })).statusCode).toBe(403);
    const hospital = await unitByName(t, '示范市人民医院');
    const foreign = await liaison.inject({
      method: 'POST',
      url: '/api/v1/self-assessments',
      payload: { unitId: hospital.id, frameworkId: fw.id },
    });
    expect(foreign.statusCode).toBe(404);
    const draft = await publishedFramework(t, 'draft');
    const notPublished = await liaison.inject({
      method: 'POST',
      url: '/api/v1/self-assessments',
      payload: { unitId: office.id, frameworkId: draft.id },
    });
    expect(notPublished.json().error.details.fields[0].field).toBe('frameworkId');
  });
});

describe('self-assessment and the office check', () => {
  it('scores, files the self-inspection report, is checked by the office and compared side by side', async () => {
    const a = await open();
    expect(a).toMatchObject({ status: 'draft', title: '测试测评体系自查自评', selfTotal: 0, officeTotal: null });
    const url = `/api/v1/self-assessments/${a.id}`;
    const photo = (await upload(liaison, '/api/v1/files', PNG, { name: '台账.png', type: 'image/png' })).json().id;
    const over = await liaison.inject({
      method: 'PUT',
      url: `${url}/scores`,
      payload: { scores: [{ indicatorId: ind('1.1'), score: 11 }] },
    });
    expect(over.json().error.details.fields[0]).toMatchObject({ field: 'scores.0.score' });
    const scores = [
      { indicatorId: ind('1.1'), score: 10, note: '宣传栏全覆盖', fileIds: [photo] },
      { indicatorId: ind('1.2'), score: 8, note: '志愿服务记录不完整' },
      { indicatorId: ind('2.1'), score: 9 },
    ];
    const saved = await liaison.inject({ method: 'PUT', url: `${url}/scores`, payload: { scores } });
    expect(saved.json()).toMatchObject({ selfTotal: 27 });
    expect((await admin.inject({ method: 'PUT', url: `${url}/office-scores`, payload: { scores } })).statusCode).toBe(
      409,
    );

    const submitted = await liaison.inject({ method: 'POST', url: `${url}/submit` });
    expect(submitted.json()).toMatchObject({ status: 'submitted' });
    const report = await liaison.inject({ method: 'GET', url: `${url}/report.docx` });
    expect(report.statusCode).toBe(200);
    const xml = readZipEntry(report.rawPayload, 'word/document.xml')!;
    for (const text of [office.name, '自查报告', '志愿服务记录不完整', '1.2', '自评得分27分'])
      expect(xml).toContain(text);
    const late = await liaison.inject({ method: 'PUT', url: `${url}/scores`, payload: { scores } });
    expect(late.json().error.code).toBe('SELF_ASSESSMENT_SUBMITTED');

    expect((await liaison.inject({ method: 'PUT', url: `${url}/office-scores`, payload: { scores } })).statusCode).toBe(
      403,
    );
    const checked = await admin.inject({
      method: 'PUT',
      url: `${url}/office-scores`,
      payload: {
        scores: [
          { indicatorId: ind('1.1'), score: 10 },
          { indicatorId: ind('1.2'), score: 6, note: '抽查三次活动无签到表' },
          { indicatorId: ind('1'), score: 16 },
        ],
      },
    });
    expect(checked.json()).toMatchObject({ status: 'checked', selfTotal: 27, officeTotal: 32 });
    const cmp = (await liaison.inject({ method: 'GET', url: `${url}/comparison` })).json();
    expect(
      cmp.rows.map((r: any) => [r.code, r.self?.score ?? null, r.office?.score ?? null, r.difference, r.isDifferent]),
    ).toEqual([
      ['1', null, 16, null, true],
      ['1.1', 10, 10, 0, false],
      ['1.2', 8, 6, -2, true],
      ['2.1', 9, null, null, true],
    ]);
    expect(cmp.rows[2].office.note).toBe('抽查三次活动无签到表');
    expect(cmp).toMatchObject({ differentCount: 3, totals: { self: 27, office: 32, difference: 5 } });
    const actions = await t.ctx.db.execute(sql`SELECT action FROM audit_event WHERE tenant_id = ${t.tenantId}
      AND object_id = ${a.id} ORDER BY seq`);
    expect(actions.rows.map((r: any) => r.action)).toEqual([
      'selfassessment.create',
      'selfassessment.score',
      'selfassessment.submit',
      'selfassessment.office_check',
    ]);
  });

  it('hides a unit\u2019s self-assessments from another unit\u2019s liaison (404)', async () => {
    const a = await open();
    const hospital = (await unitByName(t, '示范市人民医院')).id;
    const other = await liaisonOf(t, hospital, 'hospital_sa');
    expect((await other.inject({ method: 'GET', url: `/api/v1/self-assessments/${a.id}` })).statusCode).toBe(404);
    // The other liaison's list holds their own unit's self-assessments (the demo may have some), never this one.
    const list = (await other.inject({ method: 'GET', url: '/api/v1/self-assessments?pageSize=100' })).json();
    expect(list.total).toBe(await count(t, 'self_assessment', sql`unit_id = ${hospital}`));
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(a.id);
    const mine = (await liaison.inject({ method: 'GET', url: `/api/v1/self-assessments?unitId=${office.id}` })).json();
    expect(mine.total).toBe(await count(t, 'self_assessment', sql`unit_id = ${office.id}`));
  });

  it('refuses to submit an empty self-assessment (422) and indicators of another framework (400)', async () => {
    const a = await open();
    const empty = await liaison.inject({ method: 'POST', url: `/api/v1/self-assessments/${a.id}/submit` });
    expect(empty.statusCode).toBe(422);
    const other = await publishedFramework(t);
    const wrong = await liaison.inject({
      method: 'PUT',
      url: `/api/v1/self-assessments/${a.id}/scores`,
      payload: { scores: [{ indicatorId: other.indicators['1.1'].id, score: 1 }] },
    });
    expect(wrong.json().error.details.fields[0]).toMatchObject({ field: 'scores.0.indicatorId' });
  });
});

describe('return by the office', () => {
  it('returns a submitted self-assessment with a reason; the unit rescores, resubmits and the office accepts', async () => {
    const a = await open();
    const url = `/api/v1/self-assessments/${a.id}`;
    const photo = (await upload(liaison, '/api/v1/files', PNG, { name: '佐证.png', type: 'image/png' })).json().id;
    const scores = [{ indicatorId: ind('1.1'), score: 6, fileIds: [photo] }];
    await liaison.inject({ method: 'PUT', url: `${url}/scores`, payload: { scores } });
    const early = await admin.inject({ method: 'POST', url: `${url}/return`, payload: { reason: '佐证不足' } });
    expect(early.statusCode).toBe(409);
    await liaison.inject({ method: 'POST', url: `${url}/submit` });
    const blank = await admin.inject({ method: 'POST', url: `${url}/return`, payload: { reason: '  ' } });
    expect(blank.json().error.details.fields[0].field).toBe('reason');
    const byLiaison = await liaison.inject({ method: 'POST', url: `${url}/return`, payload: { reason: 'x' } });
    expect(byLiaison.statusCode).toBe(403);
    const returned = await admin.inject({ method: 'POST', url: `${url}/return`, payload: { reason: '佐证不足' } });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '佐证不足' });
    const listed = (await admin.inject({ method: 'GET', url: '/api/v1/self-assessments?status=returned' })).json();
    expect(listed.items.map((x: any) => x.id)).toContain(a.id);
    expect(listed.items.every((x: any) => x.status === 'returned')).toBe(true);
    const rescored = await liaison.inject({
      method: 'PUT',
      url: `${url}/scores`,
      payload: { scores: [{ indicatorId: ind('1.1'), score: 9, fileIds: [photo] }] },
    });
    expect(rescored.json()).toMatchObject({ status: 'returned', selfTotal: 9 });
    const cmp = (await liaison.inject({ method: 'GET', url: `${url}/comparison` })).json();
    expect(cmp.rows[0].self).toEqual({ score: 9, note: null, fileIds: [photo] });
    expect((await liaison.inject({ method: 'POST', url: `${url}/submit` })).json()).toMatchObject({
      status: 'submitted',
      returnReason: '佐证不足',
    });
    const accepted = await admin.inject({ method: 'PUT', url: `${url}/office-scores`, payload: { scores } });
    expect(accepted.json()).toMatchObject({ status: 'checked', officeTotal: 6 });
    const again = await admin.inject({ method: 'POST', url: `${url}/return`, payload: { reason: '再退' } });
    expect(again.statusCode).toBe(409);
    const actions = await t.ctx.db.execute(sql`SELECT action FROM audit_event WHERE tenant_id = ${t.tenantId}
      AND object_id = ${a.id} ORDER BY seq`);
    expect(actions.rows.map((r: any) => r.action)).toContain('selfassessment.return');
  });
});

describe('compareCodes', () => {
  it('orders indicator codes part by part', () => {
    expect(['1.10', '2', '1.2', '1', '1.2.1'].sort(compareCodes)).toEqual(['1', '1.2', '1.2.1', '1.10', '2']);
  });
});
