// GeoReport v2 as a client following the specification sees it: JSON and XML, form-encoded POSTs with api_key,
// errors as arrays with the right status, the spec's filters and defaults, tokens and mySociety's updates.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session, TestApp } from '../../test/harness';
import { act, auditActions, createProblemsTestApp } from '../problems/test-fixtures';

let t: TestApp;
let admin: Session;
const KEY = process.env.WENMING_DEMO_OPEN311_KEY || 'demo-open311-key';

beforeAll(async () => {
  t = await createProblemsTestApp();
  admin = await t.login('admin');
});
afterAll(() => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url: `/open311/v2/${url}` });
const post = (url: string, form: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: `/open311/v2/${url}`,
    payload: new URLSearchParams(form).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

const facility = (over: Record<string, string> = {}) => ({
  api_key: KEY,
  service_code: 'facilities',
  lat: '38.5001',
  long: '102.1801',
  address_string: '幸福小区5号楼旁',
  'attribute[facility_type]': 'street_light',
  description: '路灯不亮 & 井盖松动 <夜间危险>',
  email: 'zhang@example.org',
  first_name: '三',
  last_name: '张',
  phone: '13812345678',
  account_id: 'acct-42',
  ...over,
});

describe('discovery and services', () => {
  it('answers discovery in JSON and XML', async () => {
    const json = await get('discovery.json');
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.json().endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    const xml = await get('discovery.xml');
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(xml.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<discovery><changeset>/);
    expect(xml.body).toContain('<formats><format>text/xml</format><format>application/json</format></formats>');
  });

  it('lists the services and defines one with its attributes, in both formats', async () => {
    const services = (await get('services.json')).json();
    expect(services.find((s: any) => s.service_code === 'facilities')).toMatchObject({
      service_name: '公共设施',
      metadata: true,
      type: 'realtime',
      group: '公共设施',
    });
    expect(services.find((s: any) => s.service_code === 'sanitation').metadata).toBe(false);
    const xml = (await get('services.xml')).body;
    expect(xml).toContain('<services><service><service_code>');
    const def = (await get('services/facilities.json')).json();
    expect(def.service_code).toBe('facilities');
    expect(def.attributes[0]).toMatchObject({
      code: 'facility_type',
      datatype: 'singlevaluelist',
      required: true,
      order: 1,
    });
    expect(def.attributes[0].values[0]).toEqual({ key: 'street_light', name: '路灯' });
    const defXml = (await get('services/facilities.xml')).body;
    expect(defXml).toContain('<service_definition><service_code>facilities</service_code><attributes><attribute>');
    expect(defXml).toContain('<values><value><key>street_light</key><name>路灯</name></value>');
    const missing = await get('services/nope.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: 'service_code nope not found' }]);
    expect((await get('services/facilities.csv')).statusCode).toBe(404);
    expect((await get('services.json?jurisdiction_id=nowhere')).statusCode).toBe(404);
  });
});

describe('POST requests', () => {
  it('answers 403 for a bad or missing api_key and 400 for missing or invalid fields, as error arrays', async () => {
    const bad = await post('requests.json', facility({ api_key: 'wrong' }));
    expect(bad.statusCode).toBe(403);
    expect(bad.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);
    const badXml = await post('requests.xml', facility({ api_key: 'wrong' }));
    expect(badXml.statusCode).toBe(403);
    expect(badXml.body).toMatch(/<errors><error><code>403<\/code><description>[^<]*api_key/);
    const { api_key: _k, ...noKey } = facility();
    expect((await post('requests.json', noKey)).statusCode).toBe(403);
    const { service_code: _s, ...noCode } = facility();
    const missing = await post('requests.json', noCode);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toEqual([{ code: 400, description: 'service_code was not provided' }]);
    const { lat: _a, long: _b, address_string: _c, ...nowhere } = facility();
    expect((await post('requests.json', nowhere)).statusCode).toBe(400);
    const { 'attribute[facility_type]': _d, ...noAttr } = facility();
    expect((await post('requests.json', noAttr)).json()[0].description).toBe('attribute[facility_type] is required');
    const wrongValue = await post('requests.json', facility({ 'attribute[facility_type]': 'tree' }));
    expect(wrongValue.statusCode).toBe(400);
    expect((await post('requests.json', facility({ service_code: 'nope' }))).statusCode).toBe(400);
    expect((await post('requests.json', facility({ lat: 'north' }))).statusCode).toBe(400);
  });

  it('creates a routed problem from a form-encoded request and answers the spec\u2019s array', async () => {
    const res = await post('requests.json', facility());
    expect(res.statusCode, res.body).toBe(200);
    const [answer] = res.json();
    expect(answer).toMatchObject({ service_request_id: expect.stringMatching(/^WT\d{6}-\d+$/), account_id: 'acct-42' });
    expect(answer.service_notice).toContain('已受理');
    const row = await t.ctx.db.execute(sql`SELECT source, status, attributes, reporter_name, reporter_contact_enc, id
      FROM problem WHERE tenant_id = ${t.tenantId} AND number = ${answer.service_request_id}`);
    const r = row.rows[0] as any;
    expect(r).toMatchObject({ source: 'open311', status: 'assigned', reporter_name: '张三' });
    expect(typeof r.attributes === 'string' ? JSON.parse(r.attributes) : r.attributes).toEqual({
      facility_type: 'street_light',
    });
    expect(r.reporter_contact_enc).not.toContain('1381234');
    expect(await auditActions(t, r.id)).toEqual(['problem.create']);
    const token = (await get(`tokens/${answer.token}.json`)).json();
    expect(token).toEqual([{ service_request_id: answer.service_request_id, token: answer.token }]);
    expect((await get('tokens/unknown.json')).statusCode).toBe(404);
    const xml = await post('requests.xml', facility({ 'attribute[is_dangerous]': 'yes' }));
    expect(xml.body).toMatch(/<service_requests><request><service_request_id>WT\d{6}-\d+<\/service_request_id><token>/);
  });
});

describe('GET requests', () => {
  it('returns one request in both formats with escaped text, and 404 for an unknown id', async () => {
    const [created] = (await post('requests.json', facility())).json();
    const [one] = (await get(`requests/${created.service_request_id}.json`)).json();
    expect(one).toMatchObject({
      service_request_id: created.service_request_id,
      status: 'open',
      service_code: 'facilities',
      service_name: '公共设施',
      description: '路灯不亮 & 井盖松动 <夜间危险>',
      lat: 38.5001,
      long: 102.1801,
      address: '幸福小区5号楼旁',
    });
    expect(one.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(one.expected_datetime).toMatch(/\+08:00$/);
    expect(one.agency_responsible).toBeTruthy();
    const xml = (await get(`requests/${created.service_request_id}.xml`)).body;
    expect(xml).toContain('<description>路灯不亮 &amp; 井盖松动 &lt;夜间危险&gt;</description>');
    expect(xml).toContain('<address_id/>');
    const missing = await get('requests/WT000000-000000.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()[0].code).toBe(404);
  });

  it('filters by ids, service code, status and dates, and keeps the public to public reports', async () => {
    const [a] = (await post('requests.json', facility())).json();
    const [b] = (
      await post('requests.json', facility({ service_code: 'other', 'attribute[facility_type]': '' }))
    ).json();
    const both = (await get(`requests.json?service_request_id=${a.service_request_id},${b.service_request_id}`)).json();
    expect(both.map((x: any) => x.service_request_id).sort()).toEqual(
      [a.service_request_id, b.service_request_id].sort(),
    );
    const facilities = (await get('requests.json?service_code=facilities')).json();
    expect(facilities.length).toBeGreaterThan(0);
    expect(facilities.every((x: any) => x.service_code === 'facilities')).toBe(true);
    const closed = (await get(`requests.json?status=closed&api_key=${KEY}`)).json();
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((x: any) => x.status === 'closed')).toBe(true);
    const open = (await get('requests.json?status=open')).json();
    expect(open.every((x: any) => x.status === 'open')).toBe(true);
    const publicAll = (await get('requests.json')).json();
    const keyed = (await get(`requests.json?api_key=${KEY}`)).json();
    expect(keyed.length).toBeGreaterThan(publicAll.length);
    const future = (await get('requests.json?start_date=2099-01-01T00:00:00Z&end_date=2099-01-31T00:00:00Z')).json();
    expect(future).toEqual([]);
    expect((await get('requests.json?start_date=2020-01-01T00:00:00Z&end_date=2026-01-01T00:00:00Z')).statusCode).toBe(
      400,
    );
    expect((await get('requests.json?status=pending')).statusCode).toBe(400);
    expect((await get('requests.json?start_date=yesterday')).statusCode).toBe(400);
    expect((await get(`requests.json?api_key=wrong`)).statusCode).toBe(403);
    const xml = (await get('requests.xml?service_code=facilities')).body;
    expect(xml).toContain('<service_requests><request>');
  });
});

describe('mySociety servicerequestupdates', () => {
  it('lists the rectification steps with extended statuses and takes a client update once', async () => {
    const [req] = (await post('requests.json', facility())).json();
    const id = (
      await t.ctx.db.execute(
        sql`SELECT id FROM problem WHERE tenant_id = ${t.tenantId} AND number = ${req.service_request_id}`,
      )
    ).rows[0] as { id: string };
    const liaison = await t.login('unit_liaison');
    await act(admin, id.id, {
      action: 'reassign',
      unitId: await unitOf(t, '示范市精神文明建设指导委员会办公室'),
      reason: '改派',
    });
    await act(liaison, id.id, { action: 'start' });
    const updates = (await get(`servicerequestupdates.json?api_key=${KEY}`)).json();
    const mine = updates.filter((u: any) => u.service_request_id === req.service_request_id);
    expect(mine.map((u: any) => u.status)).toEqual(['action_scheduled', 'action_scheduled', 'in_progress']);
    expect(mine[2]).toMatchObject({ external_status_code: 'rectifying', description: '开始整改' });
    expect(mine[2].updated_datetime).toMatch(/\+08:00$/);
    const xml = (await get('servicerequestupdates.xml')).body;
    expect(xml).toContain('<service_request_updates><request_update><update_id>');
    const form = {
      api_key: KEY,
      service_request_id: req.service_request_id,
      update_id: 'fms-1001',
      status: 'OPEN',
      updated_datetime: '2026-11-22T10:00:00+08:00',
      description: '群众补充：夜间仍有隐患',
      last_name: '张',
    };
    const first = await post('servicerequestupdates.json', form);
    expect(first.statusCode, first.body).toBe(200);
    const again = await post('servicerequestupdates.json', form);
    expect(again.json()).toEqual(first.json());
    expect(first.json()[0].update_id).toMatch(/^[0-9a-f-]{36}$/);
    const { description: _d, ...noText } = form;
    expect((await post('servicerequestupdates.json', noText)).json()).toEqual([
      { code: 400, description: 'description was not provided' },
    ]);
    expect((await post('servicerequestupdates.json', { ...form, api_key: 'x' })).statusCode).toBe(403);
    const view = (await admin.inject({ method: 'GET', url: `/api/v1/problems/${id.id}` })).json();
    expect(view.history.at(-1)).toMatchObject({ action: 'comment', reason: '群众补充：夜间仍有隐患', actorName: '张' });
    expect(view.status).toBe('rectifying');
  });
});

describe('Open311 client keys', () => {
  it('are issued once by an office admin, stored hashed, audited, and stop working when revoked', async () => {
    const body = { name: '市民热线', contact: 'hotline@example.org' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/open311/clients', payload: body })).statusCode).toBe(
      401,
    );
    const liaison = await t.login('unit_liaison');
    expect((await liaison.inject({ method: 'POST', url: '/api/v1/open311/clients', payload: body })).statusCode).toBe(
      403,
    );
    expect((await admin.inject({ method: 'POST', url: '/api/v1/open311/clients', payload: {} })).statusCode).toBe(400);
    const res = await admin.inject({ method: 'POST', url: '/api/v1/open311/clients', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const { client, apiKey } = res.json();
    expect(apiKey).toMatch(/^wm311_/);
    const stored = await t.ctx.db.execute(sql`SELECT key_hash FROM open311_client WHERE tenant_id = ${t.tenantId}
      AND id = ${client.id}`);
    expect((stored.rows[0] as any).key_hash).not.toContain(apiKey);
    const listed = (await admin.inject({ method: 'GET', url: '/api/v1/open311/clients' })).json();
    expect(listed.find((c: any) => c.id === client.id)).toMatchObject({
      keyPrefix: apiKey.slice(0, 10),
      revokedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(apiKey);
    expect((await post('requests.json', facility({ api_key: apiKey }))).statusCode).toBe(200);
    const revoked = await admin.inject({ method: 'POST', url: `/api/v1/open311/clients/${client.id}/revoke` });
    expect(revoked.json().revokedAt).not.toBeNull();
    expect(
      (await admin.inject({ method: 'POST', url: `/api/v1/open311/clients/${client.id}/revoke` })).statusCode,
    ).toBe(409);
    expect((await post('requests.json', facility({ api_key: apiKey }))).statusCode).toBe(403);
    expect(await auditActions(t, client.id)).toEqual(['open311.client.create', 'open311.client.revoke']);
  });
});

async function unitOf(t: TestApp, name: string): Promise<string> {
  const res = await t.ctx.db.execute(sql`SELECT id FROM unit WHERE tenant_id = ${t.tenantId} AND name = ${name}`);
  return (res.rows[0] as { id: string }).id;
}
