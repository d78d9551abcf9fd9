// Benchmark: HTTP API under load against the L city in PostgreSQL `wenming_bench`. The app runs in this
// process; autocannon runs in a child process. Each route is compared with a bare `SELECT 1` route on
// the same pool. Targets: p99 < 20 ms and throughput ≥ 40% of select1.
//   npx tsx bench/api.ts     BENCH_API_CONNECTIONS=200 BENCH_API_DURATION=15 DATABASE_POOL_SIZE=20
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { CITY_ROOT_CODE, cityCounts } from '../apps/server/src/cli/gen-city';
import { loadConfig } from '../apps/server/src/config';
import { migrateDatabase, openDatabase } from '../apps/server/src/platform/db';
import { benchCitySize, findBenchCity, generateBenchCity } from './gen-city';
import {
  BENCH_PASSWORD,
  BENCH_PII_KEY,
  BENCH_TENANT,
  type BenchResult,
  adminDatabaseUrl,
  benchDir,
  checkPostgres,
  ensureBenchDatabase,
  freePort,
  isMain,
  measured,
  recreateBenchDatabase,
  runStandalone,
  skipped,
} from './lib';

const NAME = 'api';
/** The first district of the bench city: bench_district's scope. */
const DISTRICT = `${CITY_ROOT_CODE}01`;

interface LoadSummary {
  requests: number;
  reqPerSec: number;
  latency: { mean: number; p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** Make sure wenming_bench holds the bench city of the configured size; generate it when not. */
async function ensureBenchCity(): Promise<string> {
  const size = benchCitySize();
  const want = cityCounts(size).people;
  let url = await ensureBenchDatabase();
  let database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  try {
    await migrateDatabase(database);
    const found = await findBenchCity(database);
    if (found?.people === want) return url;
    await database.close();
    console.error(`no ${size} bench city in wenming_bench (found ${found?.people ?? 'none'} people): generating it …`);
    url = await recreateBenchDatabase();
    database = await openDatabase({ databaseUrl: url, poolSize: 4 });
    await migrateDatabase(database);
    await generateBenchCity(database, size);
    return url;
  } finally {
    await database.close();
  }
}

async function startApp(
  url: string,
  dataDir: string,
): Promise<{ app: Awaited<ReturnType<typeof buildApp>>; base: string }> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    WENMING_NO_DEMO: '1',
    WENMING_NO_JOBS: '1',
    WENMING_DATA_DIR: dataDir,
    WENMING_PII_KEY: BENCH_PII_KEY,
  });
  const app = await buildApp(config);
  app.get('/bench/select1', { schema: { hide: true }, config: { public: true } }, async () => {
    const rows = await app.ctx.database.query<{ one: number }>(sql`SELECT 1 AS one`);
    return { one: rows[0].one };
  });
  const port = await freePort();
  await app.listen({ port, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${port}` };
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench_district', password: BENCH_PASSWORD, tenant: BENCH_TENANT }),
    signal: AbortSignal.timeout(10_000),
  });
  const cookie = res.headers.get('set-cookie')?.match(/wm_session=[^;]+/)?.[0];
  if (res.status !== 200 || !cookie) throw new Error(`bench_district login failed: ${res.status} ${await res.text()}`);
  return cookie;
}

/** One request first: a route that does not answer 200 is not worth loading. */
async function checkRoute(url: string, headers: Record<string, string>): Promise<void> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 300)}`);
}

function runAutocannon(opts: { url: string; connections: number; duration: number; headers: Record<string, string> }) {
  return new Promise<LoadSummary>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(benchDir, 'autocannon-worker.mjs'), JSON.stringify(opts)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), (opts.duration + 60) * 1000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`autocannon worker exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!));
    });
  });
}

/** Closed-loop connection counts of the latency sweep (BENCH_API_SWEEP=0 leaves it out). */
const SWEEP = (process.env.BENCH_API_SWEEP || '1,2,4,8,16,32,64')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);

/**
 * The p99 target at rising concurrency: the most connections at which p99 stays under 20 ms. With a closed
 * loop, mean latency = connections ÷ throughput (Little's law), so the answer is bounded by the throughput.
 */
async function sweep(label: string, url: string, headers: Record<string, string>): Promise<BenchResult> {
  const duration = Number(process.env.BENCH_API_SWEEP_DURATION ?? 5);
  const seen: string[] = [];
  let best = 0;
  for (const connections of SWEEP) {
    console.error(`${label}: sweep ${connections} connections for ${duration} s …`);
    const s = await runAutocannon({ url, connections, duration, headers });
    seen.push(`${connections}c p99 ${s.latency.p99} ms ${Math.round(s.reqPerSec)}/s`);
    if (s.latency.p99 < 20 && s.non2xx + s.errors + s.timeouts === 0) best = connections;
  }
  return measured(NAME, `${label}: most connections with p99 < 20 ms`, best, 'connections', undefined, seen.join('; '));
}

export async function run(): Promise<BenchResult[]> {
  const unreachable = await checkPostgres(adminDatabaseUrl());
  if (unreachable) return [skipped(NAME, unreachable)];
  const url = await ensureBenchCity();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-bench-api-'));
  const { app, base } = await startApp(url, dataDir);
  try {
    const cookie = await login(base);
    const connections = Number(process.env.BENCH_API_CONNECTIONS ?? 200);
    const duration = Number(process.env.BENCH_API_DURATION ?? 15);
    const routes: [string, string, Record<string, string>][] = [
      ['select1', '/bench/select1', {}],
      ['me', '/api/v1/me', { cookie }],
      // depth=1 is the web app's lazy read of one level (13 nodes); depth=2 the whole district (≈160 nodes, 16 KB).
      ['regions tree d1', `/api/v1/regions/tree?root=${DISTRICT}&depth=1`, { cookie }],
      ['regions tree d2', `/api/v1/regions/tree?root=${DISTRICT}&depth=2`, { cookie }],
    ];
    const results: BenchResult[] = [];
    let baseline = 0;
    for (const [label, route, headers] of routes) {
      await checkRoute(base + route, headers);
      console.error(`${label}: warm-up 3 s, then ${connections} connections for ${duration} s …`);
      await runAutocannon({ url: base + route, connections, duration: 3, headers });
      const s = await runAutocannon({ url: base + route, connections, duration, headers });
      if (label === 'select1') baseline = s.reqPerSec;
      const bad = s.non2xx + s.errors + s.timeouts;
      const note = `${label}: ${s.requests} requests, p50 ${s.latency.p50} ms, mean ${s.latency.mean.toFixed(1)} ms${bad ? `, ${bad} failed (non-2xx ${s.non2xx}, errors ${s.errors}, timeouts ${s.timeouts})` : ''}`;
      results.push(
        measured(NAME, `${label} p50`, s.latency.p50, 'ms'),
        measured(NAME, `${label} p99`, s.latency.p99, 'ms', { max: 20 }, note),
        measured(NAME, `${label} throughput`, s.reqPerSec, 'req/s'),
      );
      if (label !== 'select1')
        results.push(measured(NAME, `${label} / select1`, (100 * s.reqPerSec) / baseline, '%', { min: 40 }));
      if (bad) results.push({ ...measured(NAME, `${label} failed requests`, bad, 'req'), status: 'fail' });
    }
    if (process.env.BENCH_API_SWEEP !== '0') {
      const sweepRoutes = routes.filter(([label]) => label !== 'regions tree d2');
      for (const [label, route, headers] of sweepRoutes) results.push(await sweep(label, base + route, headers));
    }
    results.push(
      measured(
        NAME,
        'setup',
        connections,
        'connections',
        undefined,
        `pool ${app.ctx.config.poolSize}, ${os.cpus().length} CPUs`,
      ),
    );
    return results;
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(NAME, run);
