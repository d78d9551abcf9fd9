import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../test/harness';
import { verifyAuditChain } from './audit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login('admin');
  for (let i = 0; i < 3; i++)
    await admin.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { name: `审计测试单位${i}`, type: 'organ', regionCode: '620302' },
    });
});
afterAll(() => t?.close());

describe('audit chain', () => {
  it('records writes with actor, request id and ip, searchable by the auditor', async () => {
    const a = await t.login('auditor');
    const res = await a.inject({ method: 'GET', url: '/api/v1/audit-events?action=unit.create&actor=admin' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.length).toBe(3);
    expect(items[0].requestId).toBeTruthy();
    expect(items[0].after.name).toMatch(/审计测试单位/);
    const byObject = await a.inject({
      method: 'GET',
      url: `/api/v1/audit-events?objectType=unit&objectId=${items[0].objectId}`,
    });
    expect(byObject.json().total).toBe(1);
    const future = await a.inject({
      method: 'GET',
      url: `/api/v1/audit-events?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
    });
    expect(future.json().total).toBe(0);
  });

  it('verifies an intact chain', async () => {
    const r = await verifyAuditChain(t.ctx.db, t.tenantId);
    expect(r.ok).toBe(true);
    expect(r.checked).toBeGreaterThan(4);
  });

  it('refuses UPDATE and DELETE of audit events through the database trigger', async () => {
    await expect(t.database.query(sql`UPDATE audit_event SET action = 'x' WHERE seq = 1`)).rejects.toThrow();
    await expect(t.database.query(sql`DELETE FROM audit_event WHERE seq = 1`)).rejects.toThrow();
  });

  it('detects an event edited behind the application, reporting the first broken link', async () => {
    await t.database.query(sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
    await t.database.query(
      sql`UPDATE audit_event SET after = '{"name":"篡改"}'::jsonb WHERE tenant_id = ${t.tenantId} AND seq = 3`,
    );
    await t.database.query(sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    const r = await verifyAuditChain(t.ctx.db, t.tenantId);
    expect(r.ok).toBe(false);
    expect(r.brokenAt).toEqual({ seq: 3, reason: 'hash_mismatch' });
    expect(r.checked).toBe(2);
  });
});
