// Issue 13, hole 5: bad input answered 500. NUL bytes and lone surrogates anywhere a request carries text (path
// parameters, query strings, JSON bodies at any depth, multipart text fields) are refused once, at the edge, with a
// 400 naming the field in the caller's language; impossible dates and an Open311 JSON body with a number are 400s
// at their schemas. Nothing is written.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../test/harness';
import { MAX_DEPTH, findBadText, isBadText } from './input-guard';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t?.close());

const OPEN311_KEY = process.env.WENMING_DEMO_OPEN311_KEY || 'demo-open311-key';

function expectInvalidText(res: { statusCode: number; json: () => any }, field: string) {
  expect(res.statusCode).toBe(400);
  const { error } = res.json();
  expect(error.code).toBe('INVALID_TEXT');
  expect(error.requestId).toBeTruthy();
  expect(error.details.fields).toEqual([{ field, message: expect.any(String) }]);
}

function multipart(fields: Record<string, string>, file?: { field: string; name: string; bytes: Buffer }) {
  const boundary = 'guardboundary';
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    chunks.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${file.field}"; filename="${file.name}"\r\ncontent-type: image/png\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function auditCount(): Promise<number> {
  const [row] = await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_event`);
  return row.n;
}

describe('the edge check of text', () => {
  it('finds NUL and lone surrogates at any depth, in keys too, and accepts paired surrogates', () => {
    expect(isBadText('a\u0000b')).toBe(true);
    expect(isBadText('x\ud800')).toBe(true);
    expect(isBadText('\udc00y')).toBe(true);
    expect(isBadText('文明😀')).toBe(false);
    expect(findBadText({ a: [{ b: 'ok' }, { c: 'x\ud800' }] })?.details).toEqual({
      fieldKeys: [{ field: 'a.1.c', key: 'invalid_text' }],
    });
    expect(findBadText({ a: { 'k\u0000': 1 } })?.code).toBe('INVALID_TEXT');
    let deep: unknown = 'x';
    for (let i = 0; i <= MAX_DEPTH; i++) deep = [deep];
    expect(findBadText({ deep })?.details).toMatchObject({ fieldKeys: [{ key: 'too_deep' }] });
    expect(findBadText({ a: ['文明', 1, null, true] })).toBeNull();
  });

  it('answers a NUL in a path parameter of a public page with 400 naming it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/problem-reports/%00' });
    expectInvalidText(res, 'number');
  });

  it('answers a lone surrogate in the path (invalid UTF-8 once decoded) with 400 in the error shape', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/v1/units/%ED%A0%80' });
    expectInvalidText(res, '(path)');
    const long = await admin.inject({ method: 'GET', url: `/api/v1/units/${'x'.repeat(5000)}` });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('answers q=%00 on the lists (and their exports) with 400 naming q', async () => {
    for (const url of [
      '/api/v1/campaigns?q=%00',
      '/api/v1/timebank/accounts?q=%00',
      '/api/v1/units/export.xlsx?q=a%00b',
      '/api/v1/people/export.xlsx?q=%00',
      '/api/v1/evaluations?series=a%00b',
      '/api/v1/public/problem-categories?tenant=%00',
    ]) {
      const res = url.includes('/public/') ? await t.app.inject({ method: 'GET', url }) : await admin.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe('INVALID_TEXT');
    }
  });

  it('answers a NUL or a lone surrogate in the login name with 400, in the three languages, auditing nothing', async () => {
    const before = await auditCount();
    const nul = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin\u0000', password: 'x' },
    });
    expectInvalidText(nul, 'username');
    expect(nul.json().error.message).toContain('字符');
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { username: 'x\ud800', password: 'x' },
    });
    expectInvalidText(en, 'username');
    expect(en.json().error.details.fields[0].message).toContain('NUL byte or invalid Unicode');
    const tw = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'zh-TW' },
      payload: { username: 'x', password: '\udfff' },
    });
    expectInvalidText(tw, 'password');
    expect(tw.json().error.message).toContain('字元');
    expect(await auditCount()).toBe(before);
  });

  it('answers a lone surrogate in a JSON body (renames, tasks, teams, goods) with 400 naming the nested field', async () => {
    const before = await auditCount();
    const teams = (await admin.inject({ url: '/api/v1/teams' })).json();
    const team = teams.items?.[0] ?? teams[0];
    const rename = await admin.inject({
      method: 'PUT',
      url: `/api/v1/teams/${team.id}`,
      payload: { name: 'x\ud800', version: 1 },
    });
    expectInvalidText(rename, 'name');
    const nested = await admin.inject({
      method: 'POST',
      url: '/api/v1/timebank/goods',
      payload: { name: '米', tags: ['ok', { deep: '\udc00' }] },
    });
    expectInvalidText(nested, 'tags.1.deep');
    expect(await auditCount()).toBe(before);
  });

  it('answers a NUL in a multipart text field of a public report with 400 naming it, storing nothing', async () => {
    const [{ n: problems }] = await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM problem`);
    const { payload, headers } = multipart(
      { category: 'environment', description: '垃圾\u0000堆放', lat: '38.5', lng: '102.18' },
      { field: 'file', name: 'a.png', bytes: Buffer.from('89504e470d0a1a0a', 'hex') },
    );
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/public/problem-reports', payload, headers });
    expectInvalidText(res, 'description');
    const [{ n: after }] = await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM problem`);
    expect(after).toBe(problems);
  });

  it('answers Open311 query parameters with a NUL as a GeoReport 400 naming the parameter', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?service_code=%00' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: expect.stringContaining('service_code') }]);
    const path = await t.app.inject({ method: 'GET', url: '/open311/v2/requests/%ED%A0%80.json' });
    expect(path.statusCode).toBe(400);
    expect(path.json()[0].code).toBe(400);
  });

  it('answers an Open311 JSON body with a numeric lat with a GeoReport 400 naming lat', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { api_key: OPEN311_KEY, service_code: 'facilities', lat: 38.5, long: '102.18', description: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: expect.stringContaining('lat') }]);
  });
});

describe('impossible dates', () => {
  it('answers from=2026-13-45 on the order response statistics with 400 naming from', async () => {
    // 0001-01-01 is a real day, but it ran off PostgreSQL's timestamps once shifted to Shanghai time (a 500).
    for (const from of ['2026-13-45', '2026-02-30', '0001-01-01', '9999-12-31']) {
      const res = await admin.inject({ url: `/api/v1/orders/response-stats?from=${from}` });
      expect(res.statusCode, from).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: [{ field: 'from', message: expect.any(String) }] },
      });
    }
    expect((await admin.inject({ url: '/api/v1/orders/response-stats?from=2026-02-28' })).statusCode).toBe(200);
  });

  it('answers an impossible day on a branch statement with 400 naming it', async () => {
    const branches = (await admin.inject({ url: '/api/v1/timebank/branches' })).json();
    const branch = branches.items?.[0] ?? branches[0];
    const res = await admin.inject({ url: `/api/v1/timebank/branches/${branch.id}/statement?to=2026-13-45` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('to');
  });

  it('answers instants PostgreSQL cannot hold (year 0, +275760) with 400, not a database error', async () => {
    const auditor = await t.login('auditor');
    const audit = await auditor.inject({ url: '/api/v1/audit-events?to=0000-01-01T00:00:00Z' });
    expect(audit.statusCode).toBe(400);
    expect(audit.json().error.details.fields[0].field).toBe('to');
    const vols = (await admin.inject({ url: '/api/v1/volunteers' })).json();
    const cert = await admin.inject({
      method: 'POST',
      url: `/api/v1/volunteers/${(vols.items ?? vols)[0].id}/certificates`,
      payload: { from: '-000001-01-01T00:00:00Z', to: '+275760-09-13T00:00:00Z' },
    });
    expect(cert.statusCode).toBe(400);
    expect(
      cert
        .json()
        .error.details.fields.map((f: any) => f.field)
        .sort(),
    ).toEqual(['from', 'to']);
  });

  it('answers an out-of-range version with 400, not a database error', async () => {
    const teams = (await admin.inject({ url: '/api/v1/teams' })).json();
    const team = teams.items?.[0] ?? teams[0];
    const res = await admin.inject({
      method: 'PUT',
      url: `/api/v1/teams/${team.id}`,
      payload: { name: '示范', version: -9007199254740991 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.map((f: any) => f.field)).toContain('version');
  });
});
