import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../test/harness';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { JobFailure } from './jobs';
import { serveMetricsPort } from './metrics';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** The environment of a test app's configuration, to build another app over its database. */
function configEnv(t: TestApp): Record<string, string> {
  return {
    NODE_ENV: 'test',
    WENMING_DATA_DIR: t.config.dataDir,
    WENMING_PII_KEY: t.config.piiKey ?? '',
    LOG_LEVEL: 'silent',
  };
}

/** The value of one sample line of a Prometheus text exposition, or null. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return null;
}

describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ WENMING_METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('asks for the token: 401 without it or with another', async () => {
    expect((await t.app.inject({ url: '/metrics' })).statusCode).toBe(401);
    const wrong = await t.app.inject({ url: '/metrics', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('wenming_');
  });

  it('counts and times requests per route pattern, the job queue and its failures', async () => {
    const s = await t.login('admin');
    for (let i = 0; i < 3; i++) expect((await s.inject({ url: '/api/v1/me' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/me' })).statusCode).toBe(401);
    t.ctx.jobs.register('test.metrics.fail', async () => {
      throw new JobFailure('bad input', null);
    });
    await t.ctx.jobs.enqueue(t.ctx.db, t.tenantId, 'test.metrics.fail', {});
    await t.ctx.jobs.enqueue(t.ctx.db, t.tenantId, 'test.metrics.later', {}, { runAt: new Date(Date.UTC(2999, 0)) });
    await t.drainJobs();

    const res = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    const count = (status: string) =>
      sample(text, 'wenming_http_request_duration_seconds_count', { route: '/api/v1/me', method: 'GET', status });
    expect(count('200')).toBe(3);
    expect(count('401')).toBe(1);
    // A raw URL never becomes a label: the pattern of a route with a parameter stays one series.
    expect(text).not.toMatch(/route="\/api\/v1\/[^"]*[0-9a-f]{8}-/);
    expect(sample(text, 'wenming_http_request_duration_seconds_bucket', { route: '/api/v1/me', le: '+Inf' })).toBe(3);
    expect(sample(text, 'wenming_job_failures_total', { kind: 'test.metrics.fail', final: 'true' })).toBe(1);
    expect(sample(text, 'wenming_job_queue_depth', { kind: 'test.metrics.later', status: 'queued' })).toBe(1);
    expect(sample(text, 'wenming_process_cpu_seconds_total')).toBeGreaterThan(0);
    if (t.database.engine === 'postgres')
      expect(sample(text, 'wenming_db_pool_connections', { pool: 'main', state: 'total' })).toBeGreaterThan(0);
    // No replica configured: no lag series.
    expect(sample(text, 'wenming_replica_lag_seconds')).toBeNull();
  });

  it('does not exist without a token (404)', async () => {
    // The same database, a configuration without WENMING_METRICS_TOKEN.
    const bare = await buildApp(loadConfig(configEnv(t)), { database: t.database, logger: false });
    try {
      expect((await bare.inject({ url: '/metrics' })).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });

  it('serves the same registry on a port of its own', async () => {
    const registry = t.ctx.metrics.registry;
    const server = await serveMetricsPort(0, '127.0.0.1', async () => ({
      contentType: registry.contentType,
      body: await registry.metrics(),
    }));
    try {
      const port = (server.address() as { port: number }).port;
      const ok = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('wenming_http_request_duration_seconds');
      expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
    } finally {
      server.close();
    }
  });
});
