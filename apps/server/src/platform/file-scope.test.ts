// Issue 13, hole 3: /files/{id} and /files/{id}/meta follow the scope of the object a file is attached to (as
// /problems/{id}/photos/{fileId} does), the uploader always sees their own upload, and an upload naming someone
// else's file id shows nothing of that file.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DISTRICT } from '../demo/seed-org';
import { PNG, multipart } from '../modules/problems/test-fixtures';
import { type TestApp, createTestApp } from '../test/harness';
import { newId } from './ids';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

/** A photo of a problem inside (true) or outside (false) the demo district 金川区. */
async function problemPhoto(inside: boolean): Promise<{ problemId: string; fileId: string }> {
  const res = await t.ctx.db.execute(sql`SELECT ph.problem_id, ph.file_id FROM problem_photo ph
    JOIN problem p ON p.tenant_id = ph.tenant_id AND p.id = ph.problem_id
    JOIN region d ON d.tenant_id = ph.tenant_id AND d.code = ${DEMO_DISTRICT}
    WHERE ph.tenant_id = ${t.tenantId} AND p.region_path <> ''
      AND (p.region_path = d.path::text OR p.region_path LIKE d.path::text || '.%') = ${inside}
    ORDER BY ph.file_id LIMIT 1`);
  const r = res.rows[0] as { problem_id: string; file_id: string } | undefined;
  if (!r) throw new Error(`the demo has no problem photo ${inside ? 'inside' : 'outside'} ${DEMO_DISTRICT}`);
  return { problemId: r.problem_id, fileId: r.file_id };
}

describe('file reads follow the scope of what the file is attached to', () => {
  it('answers 404 to a district office for a photo of a problem in another district, as the photo route does', async () => {
    const outside = await problemPhoto(false);
    const inside = await problemPhoto(true);
    const district = await t.login('district_admin');
    const route = await district.inject({
      method: 'GET',
      url: `/api/v1/problems/${outside.problemId}/photos/${outside.fileId}`,
    });
    expect(route.statusCode).toBe(404);
    for (const url of [`/api/v1/files/${outside.fileId}`, `/api/v1/files/${outside.fileId}/meta`]) {
      const res = await district.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('FILE_NOT_FOUND');
    }
    // Inside its district, and for the city office everywhere, the same reads answer.
    expect((await district.inject({ method: 'GET', url: `/api/v1/files/${inside.fileId}/meta` })).statusCode).toBe(200);
    expect((await district.inject({ method: 'GET', url: `/api/v1/files/${inside.fileId}` })).statusCode).toBe(200);
    const city = await t.login('admin');
    expect((await city.inject({ method: 'GET', url: `/api/v1/files/${outside.fileId}` })).statusCode).toBe(200);
    expect((await city.inject({ method: 'GET', url: `/api/v1/files/${outside.fileId}/meta` })).statusCode).toBe(200);
  });

  it('answers 404 to a district office for the photo of a finding at a point in another district', async () => {
    const photo = async (inside: boolean) => {
      const res = await t.ctx.db.execute(sql`SELECT o.photo_file_ids[1] AS file_id FROM inspection_observation o
        JOIN inspection i ON i.tenant_id = o.tenant_id AND i.id = o.inspection_id
        JOIN inspection_plan p ON p.tenant_id = i.tenant_id AND p.id = i.plan_id
        WHERE o.tenant_id = ${t.tenantId} AND cardinality(o.photo_file_ids) > 0 AND p.name LIKE '%月度考评实地测评'
          AND (i.region_code LIKE ${`${DEMO_DISTRICT}%`}) = ${inside}
        ORDER BY o.id LIMIT 1`);
      const r = res.rows[0] as { file_id: string } | undefined;
      if (!r) throw new Error(`the demo has no finding photo ${inside ? 'inside' : 'outside'} ${DEMO_DISTRICT}`);
      return r.file_id;
    };
    const [outside, inside] = [await photo(false), await photo(true)];
    const district = await t.login('district_admin');
    for (const url of [`/api/v1/files/${outside}`, `/api/v1/files/${outside}/meta`]) {
      const res = await district.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('FILE_NOT_FOUND');
    }
    expect((await district.inject({ method: 'GET', url: `/api/v1/files/${inside}` })).statusCode).toBe(200);
    const city = await t.login('admin');
    expect((await city.inject({ method: 'GET', url: `/api/v1/files/${outside}` })).statusCode).toBe(200);
  });

  it('lets the uploader read their own upload, attached or not', async () => {
    const district = await t.login('district_admin');
    const body = multipart({ gpsLat: '38.5', gpsLng: '102.1' }, { field: 'file', name: 'mine.png', bytes: PNG });
    const up = await district.inject({ method: 'POST', url: '/api/v1/files', ...body });
    expect(up.statusCode).toBe(201);
    expect((await district.inject({ method: 'GET', url: `/api/v1/files/${up.json().id}` })).statusCode).toBe(200);
    // An inspector (no file.read) reads its own upload too, and nobody else's.
    const inspector = await t.login('inspector');
    const own = await inspector.inject({
      method: 'POST',
      url: '/api/v1/files',
      ...multipart({}, { field: 'file', name: 'own.png', bytes: PNG }),
    });
    expect((await inspector.inject({ method: 'GET', url: `/api/v1/files/${own.json().id}/meta` })).statusCode).toBe(
      200,
    );
    expect((await inspector.inject({ method: 'GET', url: `/api/v1/files/${up.json().id}/meta` })).statusCode).toBe(404);
  });

  it("refuses an upload whose id names another user's file (409), showing nothing of that file", async () => {
    const { fileId } = await problemPhoto(false);
    const [before] = (
      await t.ctx.db.execute(
        sql`SELECT name, uploaded_by, sha256 FROM file WHERE tenant_id = ${t.tenantId} AND id = ${fileId}`,
      )
    ).rows as any[];
    const volunteer = await t.login('volunteer');
    const res = await volunteer.inject({
      method: 'POST',
      url: '/api/v1/files',
      ...multipart({ id: fileId, device: 'probe' }, { field: 'file', name: 'probe.png', bytes: PNG }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('FILE_ID_TAKEN');
    expect(res.json().error.details.fields[0].field).toBe('id');
    expect(res.body).not.toContain(before.name);
    expect(res.body).not.toContain(before.sha256);
    expect(res.body).not.toMatch(/gps|uploadedBy|device/i);
    // The file is unchanged.
    const [after] = (
      await t.ctx.db.execute(
        sql`SELECT name, uploaded_by, sha256 FROM file WHERE tenant_id = ${t.tenantId} AND id = ${fileId}`,
      )
    ).rows as any[];
    expect(after).toEqual(before);
    // The uploader's own resend with its id still answers its file once (offline queues resend).
    const id = newId();
    const mine = multipart({ id }, { field: 'file', name: 'again.png', bytes: PNG });
    const a = await volunteer.inject({ method: 'POST', url: '/api/v1/files', ...mine });
    const b = await volunteer.inject({ method: 'POST', url: '/api/v1/files', ...mine });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().id).toBe(id);
    // Someone else resending that id is refused as well.
    const other = await t.login('resident');
    expect((await other.inject({ method: 'POST', url: '/api/v1/files', ...mine })).statusCode).toBe(409);
  });
});
