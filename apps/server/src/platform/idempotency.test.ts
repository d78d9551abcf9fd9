import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../test/harness';
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

  it('stores concurrent duplicates (a phone resending while the first is in flight) once', async () => {
    const s = await t.login('admin');
    const key = newId();
    const payload = { name: '并发幂等单位', type: 'organ', regionCode: '620302' };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        s.inject({ method: 'POST', url: '/api/v1/units', payload, headers: { 'idempotency-key': key } }),
      ),
    );
    expect(answers.every((a) => [201, 409].includes(a.statusCode))).toBe(true);
    expect(await count('并发幂等单位')).toBe(1);
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
    const first = await s.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload,
      headers: { 'idempotency-key': key },
    });
    // Make it look like the process died mid-request: the write rolled back, the key stayed pending.
    await t.database.query(sql`DELETE FROM unit WHERE id = ${first.json().id}`);
    await t.database.query(
      sql`UPDATE idempotency_record SET status_code = NULL, response = NULL, created_at = now() WHERE key = ${key}`,
    );
    const whileRunning = await s.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload,
      headers: { 'idempotency-key': key },
    });
    expect(whileRunning.statusCode).toBe(409);
    expect(whileRunning.json().error.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    await t.database.query(
      sql`UPDATE idempotency_record SET created_at = now() - interval '1 minute' WHERE key = ${key}`,
    );
    const retry = await s.inject({
      method: 'POST',
      url: '/api/v1/units',
      payload,
      headers: { 'idempotency-key': key },
    });
    expect(retry.statusCode).toBe(201);
    expect(await count('崩溃后重试单位')).toBe(1);
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
});
