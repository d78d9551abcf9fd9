// 随手拍: residents report with a photo and a location through the public phone page, without signing in.
import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/harness';
import { RESIDENT_REPORTS_PER_MINUTE } from './resident-report.routes';
import { PNG, auditActions, createProblemsTestApp, gridWorkerPlace, multipart } from './test-fixtures';

let t: TestApp;
let place: Awaited<ReturnType<typeof gridWorkerPlace>>;

beforeAll(async () => {
  t = await createProblemsTestApp();
  place = await gridWorkerPlace(t);
});
afterAll(() => t?.close());

const fields = (over: Record<string, string> = {}) => ({
  category: 'sanitation',
  description: '楼下垃圾三天没人清运',
  lat: '38.5001',
  lng: '102.1801',
  address: '幸福小区5号楼',
  contact: '13812345678',
  name: '张女士',
  ...over,
});

function send(f: Record<string, string>, ip: string, file: Buffer | null = PNG) {
  const body = multipart(f, file ? { field: 'file', name: 'photo.png', bytes: file } : undefined);
  // The client's socket address (X-Forwarded-For counts only from a configured proxy, see trust-proxy.test.ts).
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/public/problem-reports',
    payload: body.payload,
    headers: body.headers,
    remoteAddress: ip,
  } as InjectOptions);
}

describe('public resident reports', () => {
  it('lists the categories without sign-in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/problem-categories' });
    expect(res.statusCode).toBe(200);
    expect(res.json().map((c: any) => c.code)).toContain('sanitation');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/public/problem-categories?tenant=nowhere' });
    expect(unknown.statusCode).toBe(400);
  });

  it('refuses a report without a photo, with a bad phone or with a file that is no image', async () => {
    const noPhoto = await send(fields(), '10.0.0.1', null);
    expect(noPhoto.statusCode).toBe(400);
    expect(noPhoto.json().error.details.fields[0].field).toBe('file');
    const phone = await send(fields({ contact: '12345' }), '10.0.0.1');
    expect(phone.json().error.details.fields).toEqual([expect.objectContaining({ field: 'contact' })]);
    const missing = await send({ category: 'sanitation' }, '10.0.0.1');
    expect(missing.json().error.details.fields.map((f: any) => f.field)).toEqual(
      expect.arrayContaining(['description', 'lat', 'lng']),
    );
    expect((await send(fields(), '10.0.0.1', Buffer.from('not a photo'))).statusCode).toBe(415);
  });

  it('stores the report in the nearest grid, routed, with the contact encrypted and masked', async () => {
    const res = await send(fields(), '10.0.0.2');
    expect(res.statusCode, res.body).toBe(201);
    const { id, number, status } = res.json();
    expect(status).toBe('assigned');
    const row = await t.ctx.db.execute(sql`SELECT grid_id, region_code, assigned_unit_id, reporter_contact_enc, source
      FROM problem WHERE tenant_id = ${t.tenantId} AND id = ${id}`);
    const r = row.rows[0] as any;
    expect(r).toMatchObject({ grid_id: place.grid_id, region_code: place.code, assigned_unit_id: place.unit_id });
    expect(r.source).toBe('resident');
    expect(r.reporter_contact_enc).not.toContain('13812345678');
    const admin = await t.login('admin');
    const view = (await admin.inject({ method: 'GET', url: `/api/v1/problems/${id}` })).json();
    expect(view).toMatchObject({ reporterName: '张女士', reporterContact: '138****5678' });
    expect(view.photos.before).toHaveLength(1);
    const inspector = await t.login('inspector');
    const denied = await inspector.inject({ method: 'GET', url: `/api/v1/problems/${id}/reporter-contact` });
    expect(denied.statusCode).toBe(403);
    const full = await admin.inject({ method: 'GET', url: `/api/v1/problems/${id}/reporter-contact` });
    expect(full.json()).toEqual({ contact: '13812345678' });
    expect(await auditActions(t, id)).toEqual(['problem.create', 'problem.reveal_contact']);
    const track = await t.app.inject({ method: 'GET', url: `/api/v1/public/problem-reports/${number}` });
    expect(track.json()).toMatchObject({ number, status: 'assigned', statusLabel: '已派单' });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/public/problem-reports/WT000000-000000' })).statusCode,
    ).toBe(404);
  });

  it('limits reports per client address (429)', async () => {
    const codes: number[] = [];
    for (let i = 0; i <= RESIDENT_REPORTS_PER_MINUTE; i++) codes.push((await send(fields(), '10.0.0.3')).statusCode);
    expect(codes.slice(0, RESIDENT_REPORTS_PER_MINUTE).every((c) => c === 201)).toBe(true);
    const last = await send(fields(), '10.0.0.3');
    expect(last.statusCode).toBe(429);
    expect(last.json().error.code).toBe('RATE_LIMITED');
    expect((await send(fields(), '10.0.0.4')).statusCode).toBe(201);
  });
});
