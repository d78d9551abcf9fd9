// Benchmark: history at scale. The L city with 12 months of history (1.8 million observations, 4.5 million hour
// records) is measured, then grown with older months to BENCH_HISTORY_MONTHS (default 134: XL, 20.1 million
// observations and 50.1 million hour records) and measured again, side by side: a volunteer's statement
// (time-bank account, one month) and a district's monthly evaluation, p99 and run time. Target: XL within 2× of L.
// Own database wenming_bench_history (BENCH_HISTORY_DB). On a host that cannot load XL in reasonable time, set
// BENCH_HISTORY_MONTHS to what fits and read the ratio against the months loaded.
//   npx tsx bench/history.ts     BENCH_HISTORY_MONTHS=134 BENCH_HISTORY_STATEMENTS=300 BENCH_HISTORY_EVALS=5
import { evaluationCreateBody } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { genCity } from '../apps/server/src/cli/gen-city';
import { TIMEBANK_ACCOUNTS, generateHistory, historyIds } from '../apps/server/src/cli/gen-history';
import { systemActor } from '../apps/server/src/platform/access';
import { systemClock } from '../apps/server/src/platform/clock';
import { createPiiCipher } from '../apps/server/src/platform/crypto';
import { type Database, migrateDatabase, openDatabase } from '../apps/server/src/platform/db';
import { createJobQueue } from '../apps/server/src/platform/jobs';
import { computeEvaluation } from '../apps/server/src/modules/evaluations/evaluation-compute';
import { createEvaluation } from '../apps/server/src/modules/evaluations/evaluation-create.service';
import { accountStatement } from '../apps/server/src/modules/timebank/timebank-statement.service';
import {
  BENCH_PASSWORD,
  BENCH_PII_KEY,
  type BenchResult,
  adminDatabaseUrl,
  checkPostgres,
  databaseUrl,
  isMain,
  measured,
  runStandalone,
  skipped,
} from './lib';

const NAME = 'history';
const DB_NAME = process.env.BENCH_HISTORY_DB || 'wenming_bench_history';
const L_MONTHS = 12;
const MONTHS = Number(process.env.BENCH_HISTORY_MONTHS ?? 134);
const STATEMENTS = Number(process.env.BENCH_HISTORY_STATEMENTS ?? 300);
const EVALS = Number(process.env.BENCH_HISTORY_EVALS ?? 5);

const p99 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)] as number;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const accountId = (tenantId: string, n: number) => sql`md5(${`${tenantId}acct`}::text || ${String(n)}::text)::uuid`;

interface Measure {
  months: number;
  observations: number;
  hourRecords: number;
  statementP99: number;
  statementMedian: number;
  statementsSeconds: number;
  evaluationMedian: number;
  evaluationMax: number;
  bytes: Record<string, number>;
}

async function recreate(): Promise<string> {
  const c = new pg.Client({ connectionString: adminDatabaseUrl() });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await c.end();
  }
  return databaseUrl(adminDatabaseUrl(), DB_NAME);
}

async function statements(database: Database, tenantId: string) {
  const actor = systemActor(tenantId, 'bench', new Date());
  const times: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < STATEMENTS; i++) {
    const [{ id }] = await database.query<{ id: string }>(
      sql`SELECT ${accountId(tenantId, (i * 7919) % TIMEBANK_ACCOUNTS)} AS id`,
    );
    const s = performance.now();
    await accountStatement(database.db, actor, id, { from: '2026-10-01', to: '2026-10-31' });
    times.push(performance.now() - s);
  }
  return { times, seconds: (performance.now() - t0) / 1000 };
}

async function evaluations(database: Database, tenantId: string) {
  const district = (
    await database.query<{
      code: string;
    }>(sql`SELECT code FROM region WHERE tenant_id = ${tenantId} AND level = 'county'
      ORDER BY code LIMIT 1`)
  )[0].code;
  const [fw] = await database.query<{ id: string }>(
    sql`SELECT id FROM framework WHERE tenant_id = ${tenantId} AND code = 'HISTORY'`,
  );
  const body = evaluationCreateBody.parse({
    name: '区县月度测评',
    frameworkId: historyIds(tenantId).frameworkId,
    period: { kind: 'month', value: '2026-10' },
    subjectKind: 'region',
    subjectLevel: 'township',
    regionCode: district,
    scheme: { components: [{ kind: 'field', weight: 100 }] },
  });
  body.frameworkId = fw.id; // a history made before its ids were well-formed uuids
  const actor = systemActor(tenantId, 'bench', new Date());
  const ctx = { db: database.db, jobs: createJobQueue(database.db, { error: () => {} }, systemClock) };
  const times: number[] = [];
  for (let i = 0; i <= EVALS; i++) {
    const t0 = performance.now();
    const { id } = await createEvaluation(ctx, actor, body, { enqueue: false });
    await database.db.transaction((tx) => computeEvaluation(tx, tenantId, id, new Date()));
    if (i > 0) times.push(performance.now() - t0); // the first warms the cache
  }
  return times;
}

async function sizes(database: Database): Promise<Record<string, number>> {
  const r = await database.query<{ t: string; bytes: number; n: number }>(sql`SELECT t,
      (SELECT sum(pg_total_relation_size(i.inhrelid))::float8 FROM pg_inherits i WHERE i.inhparent = t::regclass) AS bytes,
      (SELECT sum(c.reltuples)::float8 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = t::regclass) AS n
    FROM unnest(ARRAY['inspection_observation', 'timebank_entry', 'audit_event']) t`);
  const j = await database.query<{
    bytes: number;
    n: number;
  }>(sql`SELECT pg_total_relation_size('timebank_journal')::float8 AS bytes,
      (SELECT reltuples FROM pg_class WHERE relname = 'timebank_journal')::float8 AS n`);
  const out: Record<string, number> = {};
  // A table with a handful of rows says nothing per row (pages and index roots dominate).
  for (const x of r) if (Number(x.n) >= 10_000) out[x.t] = Number(x.bytes) / Number(x.n);
  out.timebank_journal = Number(j[0].bytes) / Number(j[0].n);
  return out;
}

export async function measure(database: Database, tenantId: string, months: number): Promise<Measure> {
  await database.query(sql`ANALYZE`);
  const [counts] = await database.query<{ obs: number; hours: number }>(sql`SELECT
    (SELECT count(*) FROM inspection_observation WHERE tenant_id = ${tenantId})::float8 AS obs,
    (SELECT count(*) FROM timebank_entry WHERE tenant_id = ${tenantId})::float8 AS hours`);
  const st = await statements(database, tenantId);
  const ev = await evaluations(database, tenantId);
  return {
    months,
    observations: Number(counts.obs),
    hourRecords: Number(counts.hours),
    statementP99: p99(st.times),
    statementMedian: median(st.times),
    statementsSeconds: st.seconds,
    evaluationMedian: median(ev),
    evaluationMax: Math.max(...ev),
    bytes: await sizes(database),
  };
}

function results(l: Measure, x: Measure): BenchResult[] {
  const label = (m: Measure) =>
    `${m.months} months: ${(m.observations / 1e6).toFixed(1)} M observations, ${(m.hourRecords / 1e6).toFixed(1)} M hour records`;
  const ratio = (a: number, b: number) => b / a;
  const bytes = Object.entries(x.bytes)
    .map(([t, b]) => `${t} ${b.toFixed(0)} B/row`)
    .join(', ');
  return [
    measured(NAME, 'L city', l.months, 'months', undefined, label(l)),
    measured(NAME, 'grown city', x.months, 'months', undefined, `${label(x)}; ${bytes}`),
    measured(
      NAME,
      'statement p99, L',
      l.statementP99,
      'ms',
      undefined,
      `median ${l.statementMedian.toFixed(1)} ms; ${STATEMENTS} statements in ${l.statementsSeconds.toFixed(1)} s`,
    ),
    measured(
      NAME,
      'statement p99, grown',
      x.statementP99,
      'ms',
      undefined,
      `median ${x.statementMedian.toFixed(1)} ms; ${STATEMENTS} statements in ${x.statementsSeconds.toFixed(1)} s`,
    ),
    measured(NAME, 'statement p99 grown ÷ L', ratio(l.statementP99, x.statementP99), '×', { max: 2 }),
    measured(NAME, 'statements run time grown ÷ L', ratio(l.statementsSeconds, x.statementsSeconds), '×', { max: 2 }),
    measured(
      NAME,
      'district evaluation, L (median)',
      l.evaluationMedian,
      'ms',
      undefined,
      `max of ${EVALS}: ${l.evaluationMax.toFixed(0)} ms`,
    ),
    measured(
      NAME,
      'district evaluation, grown (median)',
      x.evaluationMedian,
      'ms',
      undefined,
      `max of ${EVALS}: ${x.evaluationMax.toFixed(0)} ms`,
    ),
    measured(NAME, 'district evaluation grown ÷ L', ratio(l.evaluationMedian, x.evaluationMedian), '×', { max: 2 }),
    measured(NAME, 'district evaluation slowest grown ÷ L', ratio(l.evaluationMax, x.evaluationMax), '×', { max: 2 }),
  ];
}

async function reusedTenant(database: Database): Promise<string> {
  const [r] = await database.query<{ id: string; n: number }>(sql`SELECT t.id,
      (SELECT count(DISTINCT wm_month_start(submitted_at)) FROM inspection WHERE tenant_id = t.id)::int AS n
    FROM tenant t WHERE t.code = 'bench-history'`);
  if (!r || r.n !== L_MONTHS)
    throw new Error(`BENCH_HISTORY_REUSE: ${DB_NAME} holds no L city with ${L_MONTHS} months`);
  return r.id;
}

async function loadL(database: Database, say: (stage: string, done: number, total: number) => void) {
  const city = await genCity(database, {
    tenantCode: 'bench-history',
    size: 'L',
    cipher: createPiiCipher(Buffer.from(BENCH_PII_KEY, 'base64')),
    password: BENCH_PASSWORD,
  });
  const g0 = performance.now();
  await generateHistory(database, { tenantId: city.tenantId, months: L_MONTHS, onProgress: say });
  console.error(`L history (${L_MONTHS} months) in ${((performance.now() - g0) / 1000).toFixed(0)} s`);
  return city.tenantId;
}

export async function run(): Promise<BenchResult[]> {
  const why = await checkPostgres(adminDatabaseUrl());
  if (why) return [skipped(NAME, why)];
  // BENCH_HISTORY_REUSE=1 measures the L city a previous run left (its 12 months) instead of loading it again.
  const reuse = process.env.BENCH_HISTORY_REUSE === '1';
  const url = reuse ? databaseUrl(adminDatabaseUrl(), DB_NAME) : await recreate();
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  try {
    await migrateDatabase(database);
    const say = (stage: string, done: number, total: number) => {
      if (done === total || done % 6 === 0) console.error(`${stage} ${done}/${total}`);
    };
    const t = reuse ? await reusedTenant(database) : await loadL(database, say);
    const l = await measure(database, t, L_MONTHS);
    console.error(JSON.stringify(l));
    const g0 = performance.now();
    await generateHistory(database, { tenantId: t, months: MONTHS, loadedMonths: L_MONTHS, onProgress: say });
    console.error(`grown to ${MONTHS} months in ${((performance.now() - g0) / 1000).toFixed(0)} s`);
    const x = await measure(database, t, MONTHS);
    console.error(JSON.stringify(x));
    return results(l, x);
  } finally {
    await database.close();
  }
}

if (isMain(import.meta.url)) await runStandalone(NAME, run);
