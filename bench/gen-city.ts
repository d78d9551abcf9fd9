// Benchmark: generate a synthetic city (default size L: 1,000,000 people) into a fresh PostgreSQL
// database `wenming_bench`. Target for L: under 5 minutes.
//   npx tsx bench/gen-city.ts            BENCH_CITY_SIZE=S|M|L   BENCH_DATABASE_URL=postgres://…
import { sql } from 'drizzle-orm';
import { type CitySize, type ProgressFn, genCity, progressBarReporter } from '../apps/server/src/cli/gen-city';
import { createPiiCipher } from '../apps/server/src/platform/crypto';
import { type Database, migrateDatabase, openDatabase } from '../apps/server/src/platform/db';
import {
  BENCH_PASSWORD,
  BENCH_PII_KEY,
  BENCH_TENANT,
  type BenchResult,
  adminDatabaseUrl,
  checkPostgres,
  isMain,
  measured,
  recreateBenchDatabase,
  runStandalone,
  skipped,
} from './lib';

const NAME = 'gencity';

export function benchCitySize(): CitySize {
  const size = (process.env.BENCH_CITY_SIZE ?? 'L').toUpperCase();
  if (size !== 'S' && size !== 'M' && size !== 'L') throw new Error('BENCH_CITY_SIZE must be S, M or L');
  return size;
}

/** Wrap a progress function to also record how long each stage took. */
function timingStages(inner: ProgressFn): { onProgress: ProgressFn; durations: Map<string, number> } {
  const started = new Map<string, number>();
  const durations = new Map<string, number>();
  const onProgress: ProgressFn = (stage, done, total) => {
    if (!started.has(stage)) started.set(stage, performance.now());
    if (done === total && !durations.has(stage)) {
      durations.set(stage, (performance.now() - started.get(stage)!) / 1000);
    }
    inner(stage, done, total);
  };
  return { onProgress, durations };
}

/** Generate the bench city into an open (migrated) database. */
export async function generateBenchCity(database: Database, size: CitySize) {
  const bar = progressBarReporter();
  const timing = timingStages(bar.onProgress);
  try {
    const result = await genCity(database, {
      tenantCode: BENCH_TENANT,
      tenantName: `基准测试城市 ${size}`,
      size,
      seed: 2026,
      password: BENCH_PASSWORD,
      cipher: createPiiCipher(Buffer.from(BENCH_PII_KEY, 'base64')),
      onProgress: timing.onProgress,
    });
    return { result, durations: timing.durations };
  } finally {
    bar.stop();
  }
}

/** Size of the bench city present in the database, or null when there is none. */
export async function findBenchCity(database: Database): Promise<{ people: number } | null> {
  const rows = await database.query<{ people: number }>(sql`SELECT (SELECT count(*)::int FROM person p
    WHERE p.tenant_id = t.id) AS people FROM tenant t WHERE t.code = ${BENCH_TENANT}`);
  return rows[0] ? { people: Number(rows[0].people) } : null;
}

export async function run(): Promise<BenchResult[]> {
  const unreachable = await checkPostgres(adminDatabaseUrl());
  if (unreachable) return [skipped(NAME, unreachable)];
  const size = benchCitySize();
  const url = await recreateBenchDatabase();
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  try {
    await migrateDatabase(database);
    console.error(`gen-city ${size} into ${database.engine} database wenming_bench …`);
    const { result, durations } = await generateBenchCity(database, size);
    const out: BenchResult[] = [
      measured(NAME, `gen-city ${size} total`, result.seconds, 's', size === 'L' ? { max: 300 } : undefined),
      measured(NAME, 'people per second', result.counts.person / (durations.get('people') ?? result.seconds), 'rows/s'),
    ];
    for (const [stage, seconds] of durations) out.push(measured(NAME, `stage ${stage}`, seconds, 's'));
    const rows = Object.entries(result.counts).map(([t, n]) => `${t} ${n}`);
    out.push({
      ...measured(
        NAME,
        'rows',
        Object.values(result.counts).reduce((a, b) => a + b, 0),
        'rows',
      ),
      note: rows.join(', '),
    });
    return out;
  } finally {
    await database.close();
  }
}

if (isMain(import.meta.url)) await runStandalone(NAME, run);
