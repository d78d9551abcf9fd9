// The preview of a bulletin: the document publishing would give, rendered without a bulletin row, a number taken
// or an audit entry.
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

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  evaluationId = await createEvaluation(t, admin);
}, 180_000);
afterAll(() => t?.close());

const preview = (s: Session, id: string, format = 'pdf', query = '') =>
  s.inject({ method: 'GET', url: `/api/v1/evaluations/${id}/bulletin-preview.${format}${query}` });
const counts = async () => {
  const res = await t.ctx.db.execute(sql`SELECT
      (SELECT count(*)::int FROM bulletin WHERE tenant_id = ${t.tenantId}) AS bulletins,
      (SELECT count(*)::int FROM audit_event WHERE tenant_id = ${t.tenantId}) AS audits`);
  const r = res.rows[0] as { bulletins: number; audits: number };
  return { bulletins: Number(r.bulletins), audits: Number(r.audits) };
};
const pdfText = (bytes: Buffer) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'preview-')), 'p.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', [file, '-']).toString();
};

describe('bulletin preview', () => {
  it('renders the PDF publishing would give, inline, with the next number, saving nothing', async () => {
    const before = await counts();
    const res = await preview(admin, evaluationId, 'pdf', `?title=${encodeURIComponent('关于本月测评结果的通报')}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline;/);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('得分排名');
    expect(text.replace(/\s/g, '')).toContain('关于本月测评结果的通报');
    const number = /示范文明办〔\d{4}〕(\d+)号/.exec(text);
    expect(number).not.toBeNull();
    expect(await counts()).toEqual(before);

    const published = await admin.inject({
      method: 'POST',
      url: `/api/v1/evaluations/${evaluationId}/publish`,
      payload: { title: '关于本月测评结果的通报' },
    });
    expect(published.statusCode).toBe(201);
    expect(published.json().docNumber).toBe(number![0]);
  });

  it('renders Word too, and a correction names the bulletin it corrects', async () => {
    const first = (
      await admin.inject({ method: 'POST', url: `/api/v1/evaluations/${evaluationId}/publish`, payload: {} })
    ).json();
    const res = await preview(admin, evaluationId, 'docx', `?replaces=${first.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml.document');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('更正');
    expect(xml).toContain(first.docNumber);
    const again = (await admin.inject({ method: 'GET', url: `/api/v1/bulletins/${first.id}` })).json();
    expect(again.status).toBe('published');
  });

  it('refuses like publishing: 401, 403, 400 naming the field, 409 not done, 404 out of scope', async () => {
    const anon = await t.app.inject({ method: 'GET', url: `/api/v1/evaluations/${evaluationId}/bulletin-preview.pdf` });
    expect(anon.statusCode).toBe(401);
    expect((await preview(await t.login('inspector'), evaluationId)).statusCode).toBe(403);
    const bad = await preview(admin, evaluationId, 'pdf', '?title=x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toBe('title');
    const unknown = await preview(admin, evaluationId, 'pdf', '?replaces=0190a3c2-0000-7000-8000-000000000000');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0].field).toBe('replaces');
    expect((await preview(admin, evaluationId, 'xlsx')).statusCode).toBe(400);
    const queued = await createEvaluation(t, admin, { compute: false, name: '未计算的测评' });
    const notDone = await preview(admin, queued);
    expect(notDone.statusCode).toBe(409);
    expect(notDone.json().error.code).toBe('EVALUATION_NOT_DONE');
    await t.drainJobs();
    expect((await preview(await t.login('district_admin'), evaluationId)).statusCode).toBe(404);
  });
});
