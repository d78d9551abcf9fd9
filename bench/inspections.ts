// Benchmark: inspection submissions from phones against the L city in PostgreSQL `wenming_bench`. Each
// submission has 30 observations with 2 photo references each and is sent twice (same id and
// Idempotency-Key), as a phone resending after a lost answer. Targets: ≥ 500 submissions/s sustained for
// 60 s at p99 < 150 ms; zero lost and zero duplicated (checked in the database afterwards).
//   npx tsx bench/inspections.ts   BENCH_INSPECTION_DURATION=60 BENCH_INSPECTION_CONNECTIONS=64
//                                  BENCH_INSPECTION_RATE=0 (requests/s; 0 = as fast as it goes)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { cityCounts } from '../apps/server/src/cli/gen-city';
import { loadConfig } from '../apps/server/src/config';
import { migrateDatabase, openDatabase } from '../apps/server/src/platform/db';
import { benchCitySize, findBenchCity, generateBenchCity } from './gen-city';
import { type ReaderSummary, bigscreenReaders, probeReplicaLag } from './inspections-readers';
import {
  BENCH_INSPECTOR,
  type InspectionBenchSetup,
  dropBenchPlans,
  prepareInspectionBench,
} from './inspections-setup';
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
  sleep,
} from './lib';

const NAME = 'inspections';
const OBSERVATIONS = 30;

interface WorkerSummary {
  requests: number;
  reqPerSec: number;
  duration: number;
  latency: { mean: number; p50: number; p90: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  submitted: number;
  first2xx: number;
  firstOther: number;
  resend2xx: number;
  resendOther: number;
  resendSameBody: number;
  statuses: Record<string, number>;
  clientCpuMs: number;
  cpuMsPerRequest?: { server: number; postgres: number | null; client: number };
  bigscreen?: ReaderSummary | null;
  replica?: { maxLagSeconds: number; usableShare: number } | null;
}

/** Make sure wenming_bench holds the bench city of the configured size (as bench/api.ts does); one whose
 * migrations no longer match the project's is generated again. */
async function ensureBenchCity(): Promise<string> {
  const size = benchCitySize();
  let url = await ensureBenchDatabase();
  let database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  try {
    const migrated = await migrateDatabase(database).then(
      () => true,
      (err) =>
        console.error(`wenming_bench does not migrate (${err instanceof Error ? err.message.split('\n')[0] : err})`),
    );
    const found = migrated ? await findBenchCity(database) : null;
    if (found?.people === cityCounts(size).people) return url;
    await database.close();
    console.error(`no current ${size} bench city in wenming_bench: generating it …`);
    url = await recreateBenchDatabase();
    database = await openDatabase({ databaseUrl: url, poolSize: 4 });
    await migrateDatabase(database);
    await generateBenchCity(database, size);
    return url;
  } finally {
    await database.close();
  }
}

/** The app in this process, for the setup and the checks afterwards (it serves no load). */
async function startApp(url: string, dataDir: string) {
  return buildApp(loadConfig({ ...serverEnv(url, dataDir), DATABASE_POOL_SIZE: '4' }));
}

/** What the bench's app and the server under load share: the database, the files, no demo, no jobs, no logs. */
function serverEnv(url: string, dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    WENMING_NO_DEMO: '1',
    WENMING_NO_JOBS: '1',
    WENMING_DATA_DIR: dataDir,
    WENMING_PII_KEY: BENCH_PII_KEY,
  };
}

/**
 * The server under load, as deployed: `wenming start` with WENMING_PROCESSES HTTP processes on PostgreSQL
 * (BENCH_INSPECTION_PROCESSES, default 1: two gave the same throughput on the 2-vCPU host, with smaller write
 * batches), the pool of 20 split among them.
 */
async function startServerProcesses(url: string, dataDir: string) {
  const processes = Number(process.env.BENCH_INSPECTION_PROCESSES ?? 1);
  const port = await freePort();
  const poolSize = Math.max(4, Math.ceil(20 / processes));
  const env = {
    ...serverEnv(url, dataDir),
    DATABASE_POOL_SIZE: String(poolSize),
    WENMING_PROCESSES: String(processes),
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  const cli = path.join(benchDir, '../apps/server/src/cli.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'start'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (i > 600) throw new Error('the server did not get ready in 60 s');
    await sleep(100);
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  };
  return { base, pid: child.pid!, processes, poolSize, stop };
}

async function login(base: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_INSPECTOR, password: BENCH_PASSWORD, tenant: BENCH_TENANT }),
  });
  const cookie = res.headers.get('set-cookie')?.match(/wm_session=[^;]+/)?.[0];
  if (res.status !== 200 || !cookie)
    throw new Error(`${BENCH_INSPECTOR} login failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
}

function runWorker(spec: Record<string, unknown>, dir: string): Promise<WorkerSummary> {
  const specFile = path.join(dir, `spec-${Date.now()}.json`);
  fs.writeFileSync(specFile, JSON.stringify(spec));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(benchDir, 'inspections-worker.mjs'), specFile], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ((spec.duration as number) + 120) * 1000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`inspections worker exited with ${code}`));
      const summary = JSON.parse(out.trim().split('\n').pop()!);
      console.error(JSON.stringify(summary));
      resolve(summary);
    });
  });
}

/**
 * What the database holds for the run: acknowledged ids missing, and records beyond one per submission.
 * The worker sends its n-th submission to `points[n % points.length]`, so each point's count of submissions
 * is known; a point holding more records than submissions sent to it holds a submission twice.
 */
async function verify(
  app: Awaited<ReturnType<typeof buildApp>>,
  setup: InspectionBenchSetup,
  points: string[],
  submitted: number,
  acked: string[],
) {
  const q = <T = Record<string, number>>(text: ReturnType<typeof sql>) => app.ctx.database.query<T>(text);
  const t = setup.tenantId;
  const used = points.slice(0, Math.min(submitted, points.length));
  const sentTo = (k: number) => Math.floor(submitted / points.length) + (k < submitted % points.length ? 1 : 0);
  const [found] = await q(
    sql`SELECT count(*)::int AS n FROM inspection WHERE tenant_id = ${t} AND id = ANY(${sql.param(acked)}::uuid[])`,
  );
  const perPoint = await q<{ point_id: string; n: number; observations: number }>(
    sql`SELECT i.point_id, count(*)::int AS n, sum((SELECT count(*) FROM inspection_observation o
        WHERE o.tenant_id = i.tenant_id AND o.inspection_id = i.id))::int AS observations
      FROM inspection i WHERE i.tenant_id = ${t} AND i.plan_id = ${setup.planId}
        AND i.point_id = ANY(${sql.param(used)}::uuid[]) GROUP BY i.point_id`,
  );
  const index = new Map(used.map((id, k) => [id, k]));
  return {
    lost: acked.length - Number(found.n),
    stored: perPoint.reduce((a, r) => a + Number(r.n), 0),
    duplicated: perPoint.reduce((a, r) => a + Math.max(0, Number(r.n) - sentTo(index.get(r.point_id)!)), 0),
    observations: perPoint.reduce((a, r) => a + Number(r.observations), 0),
  };
}

function resultsOf(s: WorkerSummary, v: Awaited<ReturnType<typeof verify>>, acked: number): BenchResult[] {
  const perSec = acked / s.duration;
  const bad = s.firstOther + s.resendOther;
  const note = `${s.requests} requests (${s.reqPerSec.toFixed(0)}/s incl. resends), p50 ${s.latency.p50} ms, p90 ${s.latency.p90} ms, max ${s.latency.max} ms; statuses ${JSON.stringify(s.statuses)}`;
  return [
    measured(NAME, 'submissions/s (unique, each sent twice)', perSec, '/s', { min: 500 }, note),
    measured(NAME, 'p99 (first sends and resends)', s.latency.p99, 'ms', { max: 150 }),
    measured(
      NAME,
      'acknowledged submissions lost',
      v.lost,
      '',
      { max: 1 },
      `${acked} acknowledged, ${v.stored} stored`,
    ),
    measured(NAME, 'submissions stored twice', v.duplicated, '', { max: 1 }),
    measured(NAME, 'observations per stored submission', v.stored ? v.observations / v.stored : 0, '', {
      min: OBSERVATIONS,
    }),
    measured(
      NAME,
      'resends answered with the stored one',
      s.resend2xx ? (100 * s.resendSameBody) / s.resend2xx : 0,
      '%',
      { min: 100 },
    ),
    measured(NAME, 'server CPU per request', s.cpuMsPerRequest?.server ?? 0, 'ms'),
    measured(
      NAME,
      'load generator CPU per request',
      s.cpuMsPerRequest?.client ?? 0,
      'ms',
      undefined,
      'the load process, its start included',
    ),
    measured(
      NAME,
      'PostgreSQL CPU per request',
      s.cpuMsPerRequest?.postgres ?? 0,
      'ms',
      undefined,
      'every postgres process of the host',
    ),
    {
      ...measured(NAME, 'failed requests', bad + s.errors + s.timeouts, 'req', { max: 1 }),
      note: `${s.errors} errors, ${s.timeouts} timeouts`,
    },
    ...(s.bigscreen
      ? [
          measured(
            NAME,
            'big screen reads/s (during the submissions)',
            s.bigscreen.reqPerSec,
            '/s',
            undefined,
            `${s.bigscreen.connections} connections, ${s.bigscreen.requests} requests, ${s.bigscreen.non2xx} not 2xx`,
          ),
          measured(
            NAME,
            'big screen p99',
            s.bigscreen.latency.p99,
            'ms',
            undefined,
            `p50 ${s.bigscreen.latency.p50} ms`,
          ),
        ]
      : []),
    ...(s.replica
      ? [
          measured(
            NAME,
            'replica lag, largest seen',
            s.replica.maxLagSeconds,
            's',
            undefined,
            `reads served by the replica in ${(100 * s.replica.usableShare).toFixed(0)} % of the probes`,
          ),
        ]
      : []),
  ];
}

/** Each process on this host (Linux /proc): name, parent and CPU seconds used so far. */
function processTable(): { pid: number; ppid: number; name: string; cpu: number }[] {
  const rows = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      rows.push({ pid: Number(pid), ppid: Number(f[1]), name, cpu: (Number(f[11]) + Number(f[12])) / 100 });
    } catch {
      // gone meanwhile
    }
  }
  return rows;
}

/** CPU seconds used so far by the PostgreSQL server's processes on this host, or null off Linux. */
function postgresCpuSeconds(): number | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  return processTable()
    .filter((p) => p.name === 'postgres')
    .reduce((a, p) => a + p.cpu, 0);
}

/** CPU seconds used so far by a process and its descendants (the server's primary and HTTP processes). */
function treeCpuSeconds(root: number): number {
  const table = processTable();
  const inTree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of table)
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
  }
  return table.filter((p) => inTree.has(p.pid)).reduce((a, p) => a + p.cpu, 0);
}

/** Warm up, then load for the configured time; answers the summary and the ids the server acknowledged. */
async function load(
  base: string,
  setup: InspectionBenchSetup,
  dataDir: string,
  mainPoints: string[],
  afterWarmUp: () => Promise<void>,
  serverPid: number,
) {
  const headers = await login(base);
  const connections = Number(process.env.BENCH_INSPECTION_CONNECTIONS ?? 64);
  const duration = Number(process.env.BENCH_INSPECTION_DURATION ?? 60);
  const rate = Number(process.env.BENCH_INSPECTION_RATE ?? 0);
  const common = { url: `${base}/api/v1/inspections`, connections, rate, headers, planId: setup.planId };
  const rest = { indicatorIds: setup.indicatorIds, photoIds: setup.photoIds };
  console.error(`warm-up 5 s, then ${connections} connections for ${duration} s …`);
  const warm = { ...common, ...rest, duration: 5, pointIds: setup.pointIds.slice(mainPoints.length) };
  await runWorker({ ...warm, idsOut: path.join(dataDir, 'warm.json') }, dataDir);
  await afterWarmUp();
  const idsOut = path.join(dataDir, 'acked.json');
  const [cpu0, pg0] = [treeCpuSeconds(serverPid), postgresCpuSeconds()];
  const readers = bigscreenReaders(base, duration);
  const lag = probeReplicaLag(base);
  const summary = await runWorker({ ...common, ...rest, duration, pointIds: mainPoints, idsOut }, dataDir);
  summary.bigscreen = await readers;
  summary.replica = lag.stop();
  const server = treeCpuSeconds(serverPid) - cpu0;
  const pg1 = postgresCpuSeconds();
  summary.cpuMsPerRequest = {
    server: (server * 1000) / summary.requests,
    postgres: pg0 === null || pg1 === null ? null : ((pg1 - pg0) * 1000) / summary.requests,
    client: summary.clientCpuMs / summary.requests,
  };
  await sleep(2000); // answers still on their way when the load stopped
  return { summary, acked: JSON.parse(fs.readFileSync(idsOut, 'utf8')) as string[], connections, rate };
}

/** Prepare the plan, load it for the configured time, verify the database, answer the results. */
export async function run(): Promise<BenchResult[]> {
  const unreachable = await checkPostgres(adminDatabaseUrl());
  if (unreachable) return [skipped(NAME, unreachable)];
  const url = await ensureBenchCity();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-bench-inspections-'));
  const app = await startApp(url, dataDir);
  let server: Awaited<ReturnType<typeof startServerProcesses>> | null = null;
  try {
    console.error('preparing the plan, team and photos …');
    const setup = await prepareInspectionBench(app.ctx);
    server = await startServerProcesses(url, dataDir);
    const mainPoints = setup.pointIds.slice(0, -5000);
    // The tables the run writes were emptied and vacuumed by the last run: statistics of empty tables would
    // plan lookups in them as scans. Autovacuum analyzes a growing table after its first 50 rows; this host
    // may run without it (this one does), so the bench analyzes them once the warm-up has written some.
    const analyze = async () => {
      await app.ctx.db.execute(sql`ANALYZE inspection, inspection_observation, idempotency_record, audit_event`);
    };
    const loaded = await load(server.base, setup, dataDir, mainPoints, analyze, server.pid);
    const { summary: s, acked, connections, rate } = loaded;
    await server.stop();
    const v = await verify(app, setup, mainPoints, s.submitted, acked);
    const results = resultsOf(s, v, acked.length);
    const cpus = `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`;
    results.push(
      measured(
        NAME,
        'setup',
        connections,
        'connections',
        undefined,
        `${server.processes} server processes, pool ${server.poolSize} each, ${cpus}, rate ${rate || 'max'}`,
      ),
    );
    await dropBenchPlans(app.ctx, setup.tenantId);
    return results;
  } finally {
    await server?.stop();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(NAME, run);
