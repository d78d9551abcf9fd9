// `npm run bench`: run the benchmarks, print one table, write bench/results/latest.json.
//   npm run bench                      all of them: start gencity api
//   npm run bench -- start api         a subset (or BENCH_ONLY="start,api")
// PostgreSQL benches use BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) and
// recreate the database wenming_bench there; they are skipped when PostgreSQL is unreachable.
import os from 'node:os';
import path from 'node:path';
import * as api from './api';
import * as bulletins from './bulletins';
import * as campaigns from './campaigns';
import * as evaluations from './evaluations';
import * as frameworks from './frameworks';
import * as history from './history';
import * as replica from './replica';
import * as inspections from './inspections';
import * as orders from './orders';
import * as phonePages from './phone-pages';
import * as problems from './problems';
import * as timebank from './timebank';
import * as volunteers from './volunteers';
import * as genCity from './gen-city';
import { type BenchResult, failed, formatTable, repoRoot, writeResults } from './lib';
import * as start from './start-time';

const benches: Record<string, { run: () => Promise<BenchResult[]>; about: string }> = {
  start: { run: start.run, about: 'first start and restart of `wenming start` (PGlite)' },
  gencity: { run: genCity.run, about: 'gen-city into PostgreSQL (BENCH_CITY_SIZE, default L)' },
  api: { run: api.run, about: 'HTTP routes under autocannon load vs. SELECT 1 (PostgreSQL, L city)' },
  frameworks: { run: frameworks.run, about: 'framework Excel import/export, 2,000 indicators (PGlite and PostgreSQL)' },
  problems: {
    run: problems.run,
    about: 'problem list over 1,000,000 problems by region subtree and state (PostgreSQL)',
  },
  campaigns: { run: campaigns.run, about: 'assigning 10,000 tasks from one Excel file (PGlite and PostgreSQL)' },
  inspections: {
    run: inspections.run,
    about: 'inspection submissions, 30 observations each, every one sent twice, for 60 s (PostgreSQL, L city)',
  },
  evaluations: {
    run: evaluations.run,
    about: 'monthly evaluation, 150,000 observations, vs one hand-written SQL; drill-down p99 (PostgreSQL)',
  },
  bulletins: { run: bulletins.run, about: 'a bulletin with two charts as .docx and .pdf (no database)' },
  orders: {
    run: orders.run,
    about:
      'dispatch candidates over 1,000,000 volunteers; 100 volunteers accepting one order, 1,000 times (PostgreSQL)',
  },
  timebank: {
    run: timebank.run,
    about: '10,000 concurrent transfers across 10,000 accounts; ledger checks (PostgreSQL)',
  },
  volunteers: { run: volunteers.run, about: 'Excel import of 100,000 volunteers with progress (PostgreSQL)' },
  'phone-pages': {
    run: phonePages.run,
    about: '/m and /m/inspect in Chromium on a 1.6 Mbps / 150 ms line, cold and warm: FCP, list shown, JS bytes',
  },
  replica: {
    run: replica.run,
    about: 'the big screen read during inspection submissions, primary only vs with the read replica (PostgreSQL)',
  },
  history: {
    run: history.run,
    about: 'statement and district evaluation: L city with 12 months of history vs grown to XL (134 months)',
  },
};

function selected(): string[] {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = args.length ? args : (process.env.BENCH_ONLY ?? '').split(/[\s,]+/).filter(Boolean);
  if (!names.length) return Object.keys(benches);
  const unknown = names.filter((n) => !benches[n]);
  if (unknown.length) {
    console.error(`unknown bench: ${unknown.join(', ')}; choose from ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  return names;
}

const names = selected();
const all: BenchResult[] = [];
for (const name of names) {
  console.error(`\n=== ${name}: ${benches[name].about}`);
  const t0 = performance.now();
  try {
    all.push(...(await benches[name].run()));
  } catch (err) {
    console.error(err);
    all.push(failed(name, err));
  }
  console.error(`=== ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

console.log(`\n${formatTable(all)}\n`);
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGb: Math.round(os.totalmem() / 2 ** 30),
};
const file = writeResults('latest.json', all, { benches: names, machine });
console.log(`written ${path.relative(repoRoot, file)}`);
const counts = (s: BenchResult['status']) => all.filter((r) => r.status === s).length;
console.log(
  `${counts('pass')} passed, ${counts('fail')} missed their target, ${counts('skipped')} skipped, ${counts('error')} errors`,
);
process.exit(counts('error') ? 1 : 0);
