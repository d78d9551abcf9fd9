import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../test/harness';
import { purgeIdempotencyRecords, requestHashOf } from './idempotency';
import { newId } from './ids';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const count = async (name: string) =>
  Number((await t.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM unit WHERE name = ${name}`))[0].n);

describe('Idempotency-Key', () => {
  it('stores a resent write once and replays the first answer', async () => {
    const s = await t.login('admin');
    const key = newId();
    const payload = { name: '幂等单位', type: 'organ', regionCode: '620302' };
    const first = await s.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload,
      headers: { 'idempotency-key': key },
    });
    const second = await s.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload,
      headers: { 'idempotency-key': key },
    });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    expect(await count('幂等单位')).toBe(1);
  });

  it('refuses the same key with a different body (422) and changes nothing', async () => {
    const s = await t.login('admin');
    const key = newId();
    await s.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { name: '甲单位', type: 'organ', regionCode: '620302' },
      headers: { 'idempotency-key': key },
    });
    const res = await s.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { name: '乙单位', type: 'organ', regionCode: '620302' },
      headers: { 'idempotency-key': key },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count('乙单位')).toBe(0);
  });

  it('lets a retry through when the first request died before answering (crash mid-request)', async () => {
    const s = await t.login('admin');
    const key = newId();
    const payload = { name: '崩溃后重试单位', type: 'organ', regionCode: '620302' };
    // What a process that died mid-request leaves behind: the write rolled back, the key claimed and pending.
    // The key is bound to the body as the client sent it (before the route's schema fills in defaults).
    const hash = requestHashOf('POST', '/api/v1/units', {}, JSON.stringify(payload));
    await t.database.query(sql`INSERT INTO idempotency_record (tenant_id, actor_id, key, request_hash)
      SELECT tenant_id, id, ${key}, ${hash} FROM account WHERE username = 'admin'`);
    const send = () => s.inject({ method: 'POST', url: '/api/v1/units', payload, headers: { 'idempotency-key': key } });
    const whileRunning = await send();
    expect(whileRunning.statusCode).toBe(409);
    expect(whileRunning.json().error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(await count('崩溃后重试单位')).toBe(0);
    await t.database.query(
      sql`UPDATE idempotency_record SET created_at = now() - interval '1 minute' WHERE key = ${key}`,
    );
    const retry = await send();
    expect(retry.statusCode).toBe(201);
    const again = await send();
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(retry.json().id);
    expect(await count('崩溃后重试单位')).toBe(1);
  });

  it('replays an answer another process stored, and refuses it for another body', async () => {
    const s = await t.login('admin');
    const key = newId();
    const payload = { name: '另一进程单位', type: 'organ', regionCode: '620302' };
    const hash = requestHashOf('POST', '/api/v1/units', {}, JSON.stringify(payload));
    const stored = JSON.stringify({ id: newId(), name: payload.name });
    await t.database.query(sql`INSERT INTO idempotency_record (tenant_id, actor_id, key, request_hash, status_code,
        response) SELECT tenant_id, id, ${key}, ${hash}, 201, ${stored}::jsonb FROM account WHERE username = 'admin'`);
    const res = await s.inject({ method: 'POST', url: '/api/v1/units', payload, headers: { 'idempotency-key': key } });
    expect(res.statusCode).toBe(201);
    expect(res.headers['idempotent-replayed']).toBe('true');
    expect(res.json()).toEqual(JSON.parse(stored));
    const other = { ...payload, name: '另一进程单位乙' };
    const refused = await s.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: other,
      headers: { 'idempotency-key': key },
    });
    expect(refused.statusCode).toBe(422);
    expect(await count('另一进程单位')).toBe(0);
    expect(await count('另一进程单位乙')).toBe(0);
  });

  it('a resend after the first answer is replayed without the database (the record kept in this process)', async () => {
    const s = await t.login('admin');
    const key = newId();
    const payload = { name: '进程内回放单位', type: 'organ', regionCode: '620302' };
    const send = () => s.inject({ method: 'POST', url: '/api/v1/units', payload, headers: { 'idempotency-key': key } });
    const first = await send();
    expect(first.statusCode).toBe(201);
    // Even with the stored record gone, this process answers the resend as before and writes nothing.
    await t.database.query(sql`DELETE FROM idempotency_record WHERE key = ${key}`);
    const second = await send();
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    const changed = await s.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload: { ...payload, name: '进程内回放单位乙' },
      headers: { 'idempotency-key': key },
    });
    expect(changed.statusCode).toBe(422);
    expect(await count('进程内回放单位')).toBe(1);
  });

  it('a client-generated id makes a plain resend without the header store once too', async () => {
    const s = await t.login('admin');
    const id = newId();
    const payload = { id, name: '客户端编号单位', type: 'organ', regionCode: '620302' };
    const a = await s.inject({ method: 'POST', url: '/api/v1/units', payload });
    const b = await s.inject({ method: 'POST', url: '/api/v1/units', payload });
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.json().id).toBe(id);
    expect(await count('客户端编号单位')).toBe(1);
  });

  it('forgets keys after 24 hours: expired records are purged, recent ones kept', async () => {
    const s = await t.login('admin');
    const [oldKey, newKey] = [newId(), newId()];
    for (const [key, name] of [
      [oldKey, '过期键单位'],
      [newKey, '未过期键单位'],
    ])
      await s.inject({
        method: 'POST',
        url: '/api/v1/units',
        payload: { name, type: 'organ', regionCode: '620302' },
        headers: { 'idempotency-key': key },
      });
    await t.database.query(
      sql`UPDATE idempotency_record SET created_at = now() - interval '25 hours' WHERE key = ${oldKey}`,
    );
    expect(await purgeIdempotencyRecords(t.ctx.db)).toBeGreaterThanOrEqual(1);
    const left = await t.database.query<{ key: string }>(
      sql`SELECT key FROM idempotency_record WHERE key IN (${oldKey}, ${newKey})`,
    );
    expect(left.map((r) => r.key)).toEqual([newKey]);
  });
});
