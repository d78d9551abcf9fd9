// Benchmark: a full monthly evaluation (all region levels; field, survey, review, task and rectification
// components) over 150,000 observations on 5,000 points against a 300-standard framework, side by side with
// one hand-written SQL statement computing the same field scores; and drill-down p99 (subject tree, 失分项).
// Own database wenming_bench_eval (BENCH_EVAL_DB_NAME), recreated each run.
//   npx tsx bench/evaluations.ts      BENCH_EVAL_RUNS=5 BENCH_EVAL_DRILLS=300
import { systemClock } from '../apps/server/src/platform/clock';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { systemActor } from '../apps/server/src/platform/access';
import { type Database, migrateDatabase, openDatabase } from '../apps/server/src/platform/db';
import { computeEvaluation } from '../apps/server/src/modules/evaluations/evaluation-compute';
import { createEvaluation } from '../apps/server/src/modules/evaluations/evaluation-create.service';
import { listDeductions, subjectDetail } from '../apps/server/src/modules/evaluations/evaluation-drill.service';
import { evaluationCreateBody } from '@wenming/contracts';
import { createJobQueue } from '../apps/server/src/platform/jobs';
import { EVAL_FRAMEWORK, EVAL_TENANT, generateEvaluationData } from './evaluations-gen';
import {
  type BenchResult,
  adminDatabaseUrl,
  checkPostgres,
  databaseUrl,
  isMain,
  measured,
  runStandalone,
  skipped,
} from './lib';

const NAME = 'evaluations';
const DB_NAME = process.env.BENCH_EVAL_DB_NAME || 'wenming_bench_eval';
const RUNS = Number(process.env.BENCH_EVAL_RUNS ?? 5);
const DRILLS = Number(process.env.BENCH_EVAL_DRILLS ?? 300);

const handWritten = sql`SELECT s.code, o.indicator_id,
    LEAST(max(ind.points), sum(o.earned) FILTER (WHERE o.result <> 'na')
      / nullif(count(*) FILTER (WHERE o.result <> 'na'), 0)) AS score
  FROM inspection i
  JOIN region r ON r.tenant_id = i.tenant_id AND r.code = i.region_code
  JOIN region s ON s.tenant_id = r.tenant_id AND s.path @> r.path AND s.level IN ('prefecture', 'county', 'township')
  JOIN inspection_observation o ON o.tenant_id = i.tenant_id AND o.inspection_id = i.id
    AND o.submitted_at = i.submitted_at AND o.submitted_at >= '2026-09-30T16:00:00Z' AND o.submitted_at < '2026-10-31T16:00:00Z'
  JOIN indicator ind ON ind.tenant_id = o.tenant_id AND ind.id = o.indicator_id AND ind.scoring_rule->>'kind' <> 'survey'
  WHERE i.tenant_id = ${EVAL_TENANT} AND i.framework_id = ${EVAL_FRAMEWORK}
    AND i.submitted_at >= '2026-09-30T16:00:00Z' AND i.submitted_at < '2026-10-31T16:00:00Z'
  GROUP BY s.code, o.indicator_id`;

const body = evaluationCreateBody.parse({
  name: '基准 2026年10月考评',
  frameworkId: EVAL_FRAMEWORK,
  period: { kind: 'month', value: '2026-10' },
  subjectKind: 'region',
  subjectLevel: 'township',
  regionCode: '9901',
  scheme: {
    components: [
      { kind: 'field', weight: 60 },
      { kind: 'survey', weight: 10 },
      { kind: 'review', weight: 10 },
      { kind: 'task', weight: 10 },
      { kind: 'rectification', weight: 10 },
    ],
  },
  lines: { summonsBottomThree: true, redLine: 0.9, blackLine: 0.6 },
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const p99 = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.99) - 1)] as number;

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

async function timeEvaluation(database: Database): Promise<{ ms: number; id: string }> {
  const actor = systemActor(EVAL_TENANT, 'bench', new Date());
  const t0 = performance.now();
  const { id } = await createEvaluation(
    { db: database.db, jobs: createJobQueue(database.db, { error: () => {} }, systemClock) },
    actor,
    body,
    {
      enqueue: false,
    },
  );
  await database.db.transaction((tx) => computeEvaluation(tx, EVAL_TENANT, id, new Date()));
  return { ms: performance.now() - t0, id };
}

async function timeHandWritten(database: Database): Promise<number> {
  const t0 = performance.now();
  await database.db.execute(handWritten);
  return performance.now() - t0;
}

export async function run(): Promise<BenchResult[]> {
  const why = await checkPostgres(adminDatabaseUrl());
  if (why) return [skipped(NAME, why)];
  const url = await recreate();
  const gen = await openDatabase({ databaseUrl: url, poolSize: 1 });
  await migrateDatabase(gen);
  const g0 = performance.now();
  await generateEvaluationData(gen);
  const genSeconds = (performance.now() - g0) / 1000;
  await gen.close();
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  try {
    const counts = (
      await database.query<{ obs: number; points: number; stds: number }>(sql`SELECT
        (SELECT count(*) FROM inspection_observation WHERE tenant_id = ${EVAL_TENANT})::int AS obs,
        (SELECT count(*) FROM point WHERE tenant_id = ${EVAL_TENANT})::int AS points,
        (SELECT count(*) FROM indicator WHERE tenant_id = ${EVAL_TENANT} AND depth = 2)::int AS stds`)
    )[0]!;
    // Warm both once, then alternate so that both see the same cache state.
    let last = await timeEvaluation(database);
    await timeHandWritten(database);
    const full: number[] = [];
    const hand: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      last = await timeEvaluation(database);
      full.push(last.ms);
      hand.push(await timeHandWritten(database));
    }
    const actor = systemActor(EVAL_TENANT, 'bench', new Date());
    const subjects = (
      await database.query<{ subject_key: string }>(sql`SELECT subject_key FROM evaluation_result
        WHERE tenant_id = ${EVAL_TENANT} AND evaluation_id = ${last.id} ORDER BY subject_key`)
    ).map((r) => r.subject_key);
    const drill: number[] = [];
    for (let i = 0; i < DRILLS; i++) {
      const subject = subjects[(i * 37) % subjects.length]!;
      const t0 = performance.now();
      if (i % 2) await listDeductions(database.db, actor, last.id, subject);
      else await subjectDetail(database.db, actor, last.id, subject);
      drill.push(performance.now() - t0);
    }
    const f = median(full);
    const h = median(hand);
    const data = `${counts.obs} observations, ${counts.points} points, ${counts.stds} standards; generated in ${genSeconds.toFixed(1)} s`;
    return [
      measured(NAME, 'full evaluation, all levels (median)', f, 'ms', { max: 3000 }, data),
      measured(NAME, 'hand-written field-score SQL (median)', h, 'ms', undefined, `${RUNS} runs, alternating`),
      measured(NAME, 'full evaluation ÷ hand-written SQL', f / h, '×', { max: 2 }),
      measured(
        NAME,
        'drill-down p99 (subject tree / 失分项)',
        p99(drill),
        'ms',
        { max: 50 },
        `${DRILLS} requests in process`,
      ),
    ];
  } finally {
    await database.close();
  }
}

if (isMain(import.meta.url)) await runStandalone(NAME, run);
