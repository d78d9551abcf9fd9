// Issue 13, hole 4: X-Forwarded-For counts only from proxies named in WENMING_TRUST_PROXY. By default the socket's
// address is the client's: invented XFF values neither escape the rate limits nor end up in the audit log.
import { sql } from 'drizzle-orm';
import Fastify, { type InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustProxyOption } from '../app';
import { loadConfig } from '../config';
import { PNG, multipart } from '../modules/problems/test-fixtures';
import { RESIDENT_REPORTS_PER_MINUTE } from '../modules/problems/resident-report.routes';
import { TEST_PII_KEY, type TestApp, createTestApp } from './harness';

const report = (n: number) =>
  multipart(
    { category: 'sanitation', description: `楼下垃圾没人清运 ${n}`, lat: '38.5001', lng: '102.1801' },
    { field: 'file', name: 'photo.png', bytes: PNG },
  );

/** 60 public reports, each with a new invented X-Forwarded-For, from one socket address. */
async function reportsWithInventedXff(t: TestApp, remoteAddress: string) {
  const codes: number[] = [];
  for (let i = 0; i < 60; i++) {
    const body = report(i);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/problem-reports',
      payload: body.payload,
      headers: { ...body.headers, 'x-forwarded-for': `198.51.100.${i + 1}` },
      remoteAddress,
    } as InjectOptions);
    codes.push(res.statusCode);
  }
  return codes;
}

/** A failed sign-in with an invented X-Forwarded-For; the IP its audit event recorded. */
async function failedLoginIp(t: TestApp, remoteAddress: string, xff: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'inspector', password: 'wrong-password-1' },
    headers: { 'x-forwarded-for': xff },
    remoteAddress,
  } as InjectOptions);
  expect(res.statusCode).toBe(401);
  const last = await t.ctx.db.execute(sql`SELECT ip FROM audit_event
    WHERE tenant_id = ${t.tenantId} AND action = 'auth.login_failed' ORDER BY seq DESC LIMIT 1`);
  return (last.rows[0] as any).ip as string;
}

describe('WENMING_TRUST_PROXY in the configuration', () => {
  const base = { NODE_ENV: 'test', WENMING_PII_KEY: TEST_PII_KEY };
  it('trusts no proxy by default; takes a hop count or a list of addresses and CIDRs; refuses anything else', () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, WENMING_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ...base, WENMING_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    for (const bad of ['true', 'proxy.local', '10.0.0.0/33', '0'])
      expect(() => loadConfig({ ...base, WENMING_TRUST_PROXY: bad }), bad).toThrow(/WENMING_TRUST_PROXY/);
  });

  it('hands Fastify a hop count that trusts that many nearest hops (Fastify alone would trust none)', async () => {
    const ipWith = async (trust: ReturnType<typeof loadConfig>['trustProxy'], xff: string) => {
      const app = Fastify({ trustProxy: trustProxyOption(trust) });
      app.get('/ip', async (req) => req.ip);
      const res = await app.inject({ url: '/ip', headers: { 'x-forwarded-for': xff }, remoteAddress: '10.0.0.1' });
      await app.close();
      return res.body;
    };
    expect(await ipWith(false, '198.51.100.1')).toBe('10.0.0.1');
    expect(await ipWith(1, '198.51.100.1, 198.51.100.2')).toBe('198.51.100.2');
    expect(await ipWith(2, '198.51.100.1, 198.51.100.2')).toBe('198.51.100.1');
    expect(await ipWith(['10.0.0.0/8'], '198.51.100.1, 198.51.100.2')).toBe('198.51.100.2');
    expect(await ipWith(['127.0.0.1'], '198.51.100.1')).toBe('10.0.0.1');
  });
});

describe('without WENMING_TRUST_PROXY', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('limits 60 public reports with 60 invented X-Forwarded-For values by the socket address', async () => {
    const codes = await reportsWithInventedXff(t, '192.0.2.10');
    expect(codes.filter((c) => c === 201)).toHaveLength(RESIDENT_REPORTS_PER_MINUTE);
    expect(codes.filter((c) => c === 429)).toHaveLength(60 - RESIDENT_REPORTS_PER_MINUTE);
  });

  it('limits status lookups by the socket address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 61; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/public/problem-reports/WT000000-000000',
        headers: { 'x-forwarded-for': `203.0.113.${i + 1}` },
        remoteAddress: '192.0.2.11',
      } as InjectOptions);
      codes.push(res.statusCode);
    }
    expect(codes.at(-1)).toBe(429);
  });

  it('audits a failed sign-in with the socket IP, not the header', async () => {
    expect(await failedLoginIp(t, '192.0.2.12', '203.0.113.77')).toBe('192.0.2.12');
  });
});

describe('with WENMING_TRUST_PROXY=127.0.0.1', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ WENMING_TRUST_PROXY: '127.0.0.1' });
  });
  afterAll(() => t?.close());

  it("uses the trusted proxy's X-Forwarded-For for limits and audit, and ignores it from anyone else", async () => {
    // Through the proxy each report comes from its own client: none is limited.
    const codes = await reportsWithInventedXff(t, '127.0.0.1');
    expect(codes.every((c) => c === 201)).toBe(true);
    expect(await failedLoginIp(t, '127.0.0.1', '203.0.113.78')).toBe('203.0.113.78');
    expect(await failedLoginIp(t, '192.0.2.13', '203.0.113.79')).toBe('192.0.2.13');
  });
});
