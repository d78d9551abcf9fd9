import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';
import { createEvaluation } from './bulletin-fixtures';

let t: TestApp;
let admin: Session;
let evaluationId: string;
const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  evaluationId = await createEvaluation(t, admin);
}, 180_000);
afterAll(() => t?.close());

const publish = (s: Session, id: string, payload: object = {}, headers: Record<string, string> = {}) =>
  s.inject({ method: 'POST', url: `/api/v1/evaluations/${id}/publish`, payload, headers });
const count = async (where = sql`true`) =>
  Number(
    (
      (
        await t.ctx.db.execute(
          sql`SELECT count(*)::int AS n FROM bulletin WHERE tenant_id = ${t.tenantId} AND ${where}`,
        )
      ).rows[0] as { n: number }
    ).n,
  );

describe('publishing bulletins', () => {
  it('refuses without sign-in (401), without the permission (403) and bad input (400 naming the field)', async () => {
    const before = await count(); // the demo publishes its last ranking
    const anon = await t.app.inject({
      method: 'POST',
      url: `/api/v1/evaluations/${evaluationId}/publish`,
      payload: {},
    });
    expect(anon.statusCode).toBe(401);
    const inspector = await t.login('inspector');
    expect((await publish(inspector, evaluationId)).statusCode).toBe(403);
    const bad = await publish(admin, evaluationId, { replaces: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('replaces');
    const unknown = await publish(admin, evaluationId, { replaces: '0190a3c2-0000-7000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('publishes a done evaluation as a numbered, frozen, audited bulletin', async () => {
    const res = await publish(admin, evaluationId);
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b.docNumber).toMatch(new RegExp(`^示范文明办〔${year}〕\\d+号$`));
    expect(b.status).toBe('published');
    expect(b.snapshot.ranking.length).toBeGreaterThan(1);
    expect(b.snapshot.ranking[0].rank).toBe(1);
    expect(b.snapshot.rates.pass.percent).toMatch(/%$/);
    expect(b.snapshot.trend.periods.length).toBeGreaterThanOrEqual(1);
    const audit = await t.ctx.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_event WHERE tenant_id = ${t.tenantId} AND action = 'bulletin.publish' AND object_id = ${b.id}`,
    );
    expect(Number((audit.rows[0] as { n: number }).n)).toBe(1);
    const got = await admin.inject({ method: 'GET', url: `/api/v1/bulletins/${b.id}` });
    expect(got.json().snapshot).toEqual(b.snapshot);
    const list = await admin.inject({ method: 'GET', url: '/api/v1/bulletins?pageSize=1' });
    expect(list.json().items[0].id).toBe(b.id);
  });

  it('refuses an evaluation that is not done (409) and one out of scope (404)', async () => {
    const queued = await createEvaluation(t, admin, { compute: false, name: '未计算的测评' });
    const res = await publish(admin, queued);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EVALUATION_NOT_DONE');
    await t.drainJobs();
    const district = await t.login('district_admin');
    expect((await publish(district, evaluationId)).statusCode).toBe(404);
  });

  it('gives concurrent publishes distinct consecutive numbers', async () => {
    const before = await count();
    const results = await Promise.all(Array.from({ length: 5 }, () => publish(admin, evaluationId)));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const seqs = results.map((r) => Number(/〕(\d+)号/.exec(r.json().docNumber)![1])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(5);
    expect(seqs[4] - seqs[0]).toBe(4);
    expect(await count()).toBe(before + 5);
  });

  it('replays a resend with the same Idempotency-Key instead of numbering twice', async () => {
    const before = await count();
    const key = { 'idempotency-key': 'bulletin-resend-1' };
    const [a, b] = [await publish(admin, evaluationId, {}, key), await publish(admin, evaluationId, {}, key)];
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    expect(await count()).toBe(before + 1);
  });

  it('corrects a bulletin with a new number that names it; the old one stays readable as superseded', async () => {
    const first = (await publish(admin, evaluationId)).json();
    const fix = await publish(admin, evaluationId, { replaces: first.id });
    expect(fix.statusCode, fix.body).toBe(201);
    expect(fix.json().replaces).toEqual({ id: first.id, docNumber: first.docNumber });
    expect(fix.json().docNumber).not.toBe(first.docNumber);
    expect(fix.json().title).toContain('更正');
    const old = (await admin.inject({ method: 'GET', url: `/api/v1/bulletins/${first.id}` })).json();
    expect(old.status).toBe('superseded');
    expect(old.supersededBy.id).toBe(fix.json().id);
    expect(old.snapshot).toEqual(first.snapshot);
    const again = await publish(admin, evaluationId, { replaces: first.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('BULLETIN_ALREADY_SUPERSEDED');
  });

  it('hides bulletins outside the reader’s scope (404) and lists none of them', async () => {
    const b = (await publish(admin, evaluationId)).json();
    const district = await t.login('district_admin');
    expect((await district.inject({ method: 'GET', url: `/api/v1/bulletins/${b.id}` })).statusCode).toBe(404);
    expect((await district.inject({ method: 'GET', url: `/api/v1/bulletins/${b.id}.pdf` })).statusCode).toBe(404);
    const list = await district.inject({ method: 'GET', url: '/api/v1/bulletins' });
    expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(b.id);
  });
});

describe('bulletin documents over HTTP', () => {
  let b: { id: string; docNumber: string; title: string };
  beforeAll(async () => {
    b = (await publish(admin, evaluationId)).json();
  });

  it('.docx is a Word file whose XML holds the number and the Chinese title', async () => {
    const res = await admin.inject({ method: 'GET', url: `/api/v1/bulletins/${b.id}.docx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain(b.docNumber);
    expect(xml).toContain(b.title);
  });

  it('.pdf extracts to Chinese text with the number; .xlsx is a workbook', async () => {
    const res = await admin.inject({ method: 'GET', url: `/api/v1/bulletins/${b.id}.pdf` });
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-')), 'b.pdf');
    fs.writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain(b.docNumber);
    expect(text).toContain('得分排名');
    const xlsx = await admin.inject({ method: 'GET', url: `/api/v1/bulletins/${b.id}.xlsx` });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await admin.inject({ method: 'GET', url: `/api/v1/bulletins/${b.id}.txt` })).statusCode).toBe(400);
  });
});

describe('public bulletins and the big screen', () => {
  it('lists published bulletins without sign-in and without personal data', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/bulletins?tenant=demo&pageSize=50' });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(await count());
    expect(page.items[0].ranking.length).toBeGreaterThan(1);
    expect(res.body).not.toContain('publishedBy');
    expect(res.body).not.toMatch(/1[3-9]\d{9}/);
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/public/bulletins/${page.items[0].id}?tenant=demo` });
    expect(one.json().docNumber).toBe(page.items[0].docNumber);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/public/bulletins?tenant=nowhere' });
    expect(bad.statusCode).toBe(400);
  });

  it('aggregates the big screen in scope: map shapes with scores, ranking, problems', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/bigscreen' });
    expect(anon.statusCode).toBe(401);
    expect((await (await t.login('inspector')).inject({ method: 'GET', url: '/api/v1/bigscreen' })).statusCode).toBe(
      403,
    );
    const v = (await admin.inject({ method: 'GET', url: '/api/v1/bigscreen' })).json();
    expect(v.map.geoJson.features.length).toBeGreaterThan(3);
    expect(v.map.values.some((x: { score: number | null }) => x.score !== null)).toBe(true);
    expect(v.ranking.length).toBeGreaterThan(1);
    expect(v.problems.total).toBeGreaterThan(0);
    const district = (
      await (await t.login('district_admin')).inject({ method: 'GET', url: '/api/v1/bigscreen' })
    ).json();
    expect(district.map.geoJson.features.length).toBeLessThan(v.map.geoJson.features.length);
    expect(district.map.values.every((x: { code: string }) => x.code.startsWith('620302'))).toBe(true);
  });
});
