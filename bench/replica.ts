// Benchmark: the office's big screen read while inspections are submitted, primary only and then with the read
// replica (DATABASE_REPLICA_URL; scripts/pg-replica.sh starts one on port 5433), side by side. Both runs are the
// inspection bench (each submission sent twice) with BENCH_BIGSCREEN_CONNECTIONS readers of /api/v1/bigscreen.
//   npx tsx bench/replica.ts    BENCH_REPLICA_URL=postgres://postgres@127.0.0.1:5433  BENCH_BIGSCREEN_CONNECTIONS=8
import * as inspections from './inspections';
import { type BenchResult, BENCH_DB, checkPostgres, databaseUrl, isMain, runStandalone, skipped } from './lib';

const NAME = 'replica';

function replicaUrl(): string {
  const base = process.env.BENCH_REPLICA_URL ?? 'postgres://postgres@127.0.0.1:5433/postgres';
  return databaseUrl(base, BENCH_DB);
}

export async function run(): Promise<BenchResult[]> {
  const url = replicaUrl();
  const why = await checkPostgres(databaseUrl(url, 'postgres'));
  if (why) return [skipped(NAME, `no replica: ${why} (bash scripts/pg-replica.sh starts one)`)];
  process.env.BENCH_BIGSCREEN_CONNECTIONS ??= '8';
  const label = (rows: BenchResult[], how: string) =>
    rows.map((r) => ({ ...r, bench: NAME, metric: `${r.metric} — ${how}` }));
  delete process.env.DATABASE_REPLICA_URL;
  const primary = label(await inspections.run(), 'primary only');
  process.env.DATABASE_REPLICA_URL = url;
  try {
    const withReplica = label(await inspections.run(), 'with the replica');
    // Side by side: each metric of the primary-only run followed by the same metric with the replica.
    return primary.flatMap((r, i) => [r, withReplica[i]].filter((x): x is BenchResult => Boolean(x)));
  } finally {
    delete process.env.DATABASE_REPLICA_URL;
  }
}

if (isMain(import.meta.url)) await runStandalone(NAME, run);
