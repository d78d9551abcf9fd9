// Benchmark: the office's problem list over 1,000,000 problems in PostgreSQL `wenming_bench` (the bench city; an
// M city is generated when there is none), filtered by region subtree and state. Measured in process (the service
// on the pool) and over HTTP (autocannon in a child process). Target: p99 < 50 ms, over HTTP at 4 connections
// (BENCH_PROBLEMS_TARGET_CONNECTIONS); 20 connections (saturation) are reported for throughput.
//   npx tsx bench/problems.ts     BENCH_PROBLEMS=1000000 BENCH_PROBLEMS_DURATION=15 BENCH_PROBLEMS_CONNECTIONS=20
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultRolePermissions, problemListQuery } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { CITY_ROOT_CODE } from '../apps/server/src/cli/gen-city';
import { loadConfig } from '../apps/server/src/config';
import { listProblems } from '../apps/server/src/modules/problems/problem.service';
import type { Actor } from '../apps/server/src/platform/access';
import { type Database, migrateDatabase, openDatabase } from '../apps/server/src/platform/db';
import { findBenchCity, generateBenchCity } from './gen-city';
import {
  BENCH_DB,
  BENCH_PASSWORD,
  BENCH_PII_KEY,
  BENCH_TENANT,
  type BenchResult,
  adminDatabaseUrl,
  benchDir,
  checkPostgres,
  databaseUrl,
  ensureBenchDatabase,
  freePort,
  isMain,
  measured,
  runStandalone,
  skipped,
} from './lib';
import { ensureBenchCategories, generateProblems } from './problems-gen';

const NAME = 'problems';
const TOTAL = Number(process.env.BENCH_PROBLEMS ?? 1_000_000);
const DISTRICT = `${CITY_ROOT_CODE}01`;
const TARGET_MS = 50;
/** The closed-loop HTTP connections the p99 target is checked at (see overHttp). */
const TARGET_CONNECTIONS = Number(process.env.BENCH_PROBLEMS_TARGET_CONNECTIONS ?? 4);
const OWN_DB = 'wenming_bench_problems';

interface Prepared {
  url: string;
  tenantId: string;
  written: number;
  seconds: number;
  townships: string[];
  districtPath: string;
}

/** Our own database, kept between runs, for when wenming_bench cannot take the current migrations. */
async function ensureOwnDatabase(): Promise<string> {
  const c = new pg.Client({ connectionString: adminDatabaseUrl() });
  await c.connect();
  try {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [OWN_DB]);
    if (r.rowCount === 0) await c.query(`CREATE DATABASE ${OWN_DB}`);
  } finally {
    await c.end();
  }
  return databaseUrl(adminDatabaseUrl(), OWN_DB);
}

/** wenming_bench migrated to the current schema, or else our own database. */
async function openMigrated(): Promise<{ url: string; database: Database }> {
  const url = await ensureBenchDatabase();
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  try {
    await migrateDatabase(database);
    return { url, database };
  } catch (err) {
    await database.close();
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    console.error(`${BENCH_DB} cannot take the current migrations (${why}); using ${OWN_DB}`);
    const own = await ensureOwnDatabase();
    const db2 = await openDatabase({ databaseUrl: own, poolSize: 4 });
    await migrateDatabase(db2);
    return { url: own, database: db2 };
  }
}

/** The bench city (an M city when the database has none) with TOTAL problems. */
async function prepare(): Promise<Prepared> {
  const { url, database } = await openMigrated();
  try {
    if (!(await findBenchCity(database))) {
      console.error('no bench city in wenming_bench: generating an M city …');
      await generateBenchCity(database, 'M');
    }
    const [t] = await database.query<{ id: string }>(sql`SELECT id FROM tenant WHERE code = ${BENCH_TENANT}`);
    await ensureBenchCategories(database, t.id);
    const t0 = performance.now();
    const written = await generateProblems(database, t.id, TOTAL, (done) =>
      process.stderr.write(`\rproblems ${done.toLocaleString('en')} / ${TOTAL.toLocaleString('en')}`),
    );
    const seconds = (performance.now() - t0) / 1000;
    if (written) process.stderr.write('\n');
    const regions = await database.query<{
      code: string;
      path: string;
      level: string;
    }>(sql`SELECT code, path::text AS path,
      level FROM region WHERE tenant_id = ${t.id} AND (code = ${DISTRICT} OR (parent_code = ${DISTRICT} AND level = 'township'))
      ORDER BY code`);
    const district = regions.find((r) => r.code === DISTRICT)!;
    const townships = regions.filter((r) => r.level === 'township').map((r) => r.code);
    return { url, tenantId: t.id, written, seconds, townships, districtPath: district.path };
  } finally {
    await database.close();
  }
}

/** The district office of the bench city (bench_district's grant), as the session would load it. */
function districtOffice(tenantId: string, regionPath: string): Actor {
  return {
    tenantId,
    accountId: null,
    personId: null,
    username: 'bench_district',
    displayName: 'bench_district',
    grants: [
      {
        role: 'office_admin',
        kind: 'region',
        ref: DISTRICT,
        regionPath,
        permissions: new Set(defaultRolePermissions.office_admin),
      },
    ],
    requestId: null,
    ip: null,
    get now() {
      return new Date();
    },
  };
}

/** The mix the office clicks through: its district or a township, an open state (the work list) or closed. */
function queries(townships: string[]): string[] {
  const out: string[] = [];
  for (const status of ['assigned', 'submitted', 'reported', 'rectifying', 'closed']) {
    out.push(`status=${status}&regionCode=${DISTRICT}`);
    for (const t of townships.slice(0, 3)) out.push(`status=${status}&regionCode=${t}`);
  }
  return out;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function inProcess(database: Database, actor: Actor, qs: string[]): Promise<number[]> {
  const parsed = qs.map((q) => problemListQuery.parse(Object.fromEntries(new URLSearchParams(q))));
  for (const q of parsed) await listProblems(database.db, actor, q);
  const times: number[] = [];
  for (let i = 0; i < 600; i++) {
    const t0 = performance.now();
    await listProblems(database.db, actor, parsed[i % parsed.length]);
    times.push(performance.now() - t0);
  }
  return times;
}

async function explain(database: Database, actor: Actor, q: string): Promise<void> {
  const f = problemListQuery.parse(Object.fromEntries(new URLSearchParams(q)));
  // The page query of listProblems for a district office, to show which index serves it.
  const res = await database.query<{ 'QUERY PLAN': string }>(sql`EXPLAIN (ANALYZE, BUFFERS) SELECT p.id FROM problem p
    WHERE p.tenant_id = ${actor.tenantId} AND p.region_path LIKE ${`${actor.grants[0].regionPath}.%`}
      AND p.status = ${f.status!} ORDER BY p.created_at DESC, p.id DESC LIMIT 20`);
  console.error(`plan of ${q}:\n${res.map((r) => r['QUERY PLAN']).join('\n')}`);
}

interface LoadSummary {
  requests: number;
  reqPerSec: number;
  latency: { p50: number; p99: number; mean: number };
  non2xx: number;
  errors: number;
}

function autocannon(opts: { url: string; connections: number; duration: number; headers: Record<string, string> }) {
  return new Promise<LoadSummary>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(benchDir, 'autocannon-worker.mjs'), JSON.stringify(opts)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`autocannon exited ${code}`)),
    );
  });
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench_district', password: BENCH_PASSWORD, tenant: BENCH_TENANT }),
  });
  const cookie = res.headers.get('set-cookie')?.match(/wm_session=[^;]+/)?.[0];
  if (!cookie) throw new Error(`bench_district login failed: ${res.status}`);
  return cookie;
}

async function overHttp(p: Prepared, results: BenchResult[]): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-bench-problems-'));
  const env = { ...process.env, DATABASE_URL: p.url, LOG_LEVEL: 'silent', WENMING_NO_DEMO: '1', WENMING_NO_JOBS: '1' };
  const app = await buildApp(loadConfig({ ...env, WENMING_DATA_DIR: dataDir, WENMING_PII_KEY: BENCH_PII_KEY }));
  try {
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${port}`;
    const cookie = await login(base);
    const many = Number(process.env.BENCH_PROBLEMS_CONNECTIONS ?? 20);
    const duration = Number(process.env.BENCH_PROBLEMS_DURATION ?? 15);
    // The issue gives no concurrency for "p99 under 50 ms". The target is checked at TARGET_CONNECTIONS (4: a
    // district office's staff paging the list at the same moment), below saturation, where the p99 is a
    // request's own latency. At 20 closed-loop connections two CPUs (server, PostgreSQL and autocannon
    // together) are saturated and the latency is queueing — mean = connections ÷ throughput (Little's law) —
    // so that run is reported as throughput, with its p99 for information.
    const routes: [string, string, number][] = [
      ['district, assigned', `status=assigned&regionCode=${DISTRICT}`, TARGET_CONNECTIONS],
      ['township, closed', `status=closed&regionCode=${p.townships[0]}`, TARGET_CONNECTIONS],
      ['district, assigned', `status=assigned&regionCode=${DISTRICT}`, many],
      ['township, closed', `status=closed&regionCode=${p.townships[0]}`, many],
    ];
    for (const [what, q, connections] of routes) {
      const label = `${what} @${connections}`;
      const url = `${base}/api/v1/problems?${q}`;
      const check = await fetch(url, { headers: { cookie } });
      if (check.status !== 200) throw new Error(`${url} answered ${check.status}: ${await check.text()}`);
      console.error(`HTTP ${label}: ${connections} connections for ${duration} s …`);
      await autocannon({ url, connections, duration: 3, headers: { cookie } });
      const s = await autocannon({ url, connections, duration, headers: { cookie } });
      const little = (1000 * connections) / s.reqPerSec;
      const note = `${s.requests} requests, ${s.non2xx + s.errors} failed, mean ${s.latency.mean.toFixed(1)} ms (connections ÷ throughput = ${little.toFixed(1)} ms), ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`;
      const target = connections === TARGET_CONNECTIONS ? { max: TARGET_MS } : undefined;
      results.push(
        measured(NAME, `HTTP ${label} p50`, s.latency.p50, 'ms'),
        measured(NAME, `HTTP ${label} p99`, s.latency.p99, 'ms', target, note),
        measured(NAME, `HTTP ${label} throughput`, s.reqPerSec, 'req/s'),
      );
    }
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const unreachable = await checkPostgres(adminDatabaseUrl());
  if (unreachable) return [skipped(NAME, unreachable)];
  const p = await prepare();
  const results: BenchResult[] = [];
  if (p.written)
    results.push(measured(NAME, `insert ${p.written.toLocaleString('en')} problems (unnest)`, p.seconds, 's'));
  const database = await openDatabase({ databaseUrl: p.url, poolSize: 4 });
  try {
    const actor = districtOffice(p.tenantId, p.districtPath);
    await explain(database, actor, `status=assigned&regionCode=${DISTRICT}`);
    const times = await inProcess(database, actor, queries(p.townships));
    const note = `${times.length} lists over ${TOTAL.toLocaleString('en')} problems in ${new URL(p.url).pathname.slice(1)}, district office, 20 state × subtree mixes`;
    results.push(
      measured(NAME, 'list in-process p50', pct(times, 50), 'ms'),
      measured(NAME, 'list in-process p99', pct(times, 99), 'ms', { max: TARGET_MS }, note),
    );
  } finally {
    await database.close();
  }
  await overHttp(p, results);
  return results;
}

if (isMain(import.meta.url)) await runStandalone(NAME, run);
