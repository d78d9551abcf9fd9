// Helpers of the problems and Open311 tests: an app with the Open311 plugin, photo uploads, places and units.
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { PNG, upload } from '../campaigns/test-fixtures';
import { type Session, type TestApp, createTestApp } from '../../test/harness';

export { PNG, count, liaisonOf, unitByName, upload } from '../campaigns/test-fixtures';

/** The harness's app (app.ts registers the Open311 plugin). */
export function createProblemsTestApp(): Promise<TestApp> {
  return createTestApp();
}

/** Upload a photo as the session's account; its file id. */
export async function photo(s: Session): Promise<string> {
  const res = await upload(s, '/api/v1/files', PNG, { name: '现场照片.png', type: 'image/png' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** The region the demo grid worker covers (the first community), its grid, and the unit paired with it. */
export async function gridWorkerPlace(t: TestApp) {
  const res = await t.ctx.db.execute(sql`SELECT ra.scope_ref AS code, g.id AS grid_id, pa.unit_id, u.name AS unit_name
    FROM account a JOIN role_assignment ra ON ra.tenant_id = a.tenant_id AND ra.account_id = a.id
      LEFT JOIN grid g ON g.tenant_id = a.tenant_id AND g.region_code = ra.scope_ref
      LEFT JOIN pairing pa ON pa.tenant_id = a.tenant_id AND pa.target_kind = 'region' AND pa.target_ref = ra.scope_ref
      LEFT JOIN unit u ON u.tenant_id = pa.tenant_id AND u.id = pa.unit_id
    WHERE a.tenant_id = ${t.tenantId} AND a.username = 'grid_worker'`);
  return res.rows[0] as { code: string; grid_id: string | null; unit_id: string; unit_name: string };
}

/** Audit actions recorded for an object, in order. */
export async function auditActions(t: TestApp, objectId: string): Promise<string[]> {
  const res = await t.ctx.db.execute(sql`SELECT action FROM audit_event WHERE tenant_id = ${t.tenantId}
    AND object_id = ${objectId} ORDER BY seq`);
  return res.rows.map((r: any) => r.action as string);
}

/** Post a transition as a session. */
export function act(s: Session, id: string, payload: Record<string, unknown>) {
  return s.inject({ method: 'POST', url: `/api/v1/problems/${id}/transitions`, payload });
}

/** A multipart body of text fields and one file, for requests without a session. */
export function multipart(fields: Record<string, string>, file?: { field: string; name: string; bytes: Buffer }) {
  const boundary = `----wenming${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const chunks: Buffer[] = [Buffer.from(parts.join(''))];
  if (file)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
