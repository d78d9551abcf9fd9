#!/usr/bin/env node
// `npm test`: everything a user needs to trust the build — lint, types, unit and route tests on PGlite
// and (when TEST_DATABASE_URL is set) on PostgreSQL, then the browser journeys. Ends with one
// "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const only = process.argv.slice(2);
const want = (step) => only.length === 0 || only.includes(step);
fs.mkdirSync('.tmp', { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const flaky = [];

/** Titles of the journeys Playwright's JSON report marks flaky (failed, then passed on the retry). */
function flakyTitles(report) {
  const out = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests ?? []) if (t.status === 'flaky') out.push(`${spec.file}: ${spec.title}`);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return out;
}

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(name);
  return r.status === 0;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
  skipped += j.numPendingTests + j.numTodoTests;
}

if (want('lint')) run('lint', 'npx', ['biome', 'check', '.']);
if (want('types')) run('types', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);

if (want('unit')) {
  const out = '.tmp/vitest-pglite.json';
  fs.rmSync(out, { force: true });
  run('tests (PGlite)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  countVitest(out);
}

if (want('pg')) {
  if (process.env.TEST_DATABASE_URL) {
    const out = '.tmp/vitest-postgres.json';
    fs.rmSync(out, { force: true });
    run(
      'tests (PostgreSQL)',
      'npx',
      ['vitest', 'run', 'apps/server', '--reporter=default', '--reporter=json', `--outputFile=${out}`],
      {
        WENMING_TEST_ENGINE: 'postgres',
      },
    );
    countVitest(out);
  } else if (ci) {
    console.error('\nCI=true but TEST_DATABASE_URL is not set: the PostgreSQL half of the tests cannot run.');
    failures.push('tests (PostgreSQL): TEST_DATABASE_URL missing');
    failed++;
  } else {
    console.log(
      '\n(TEST_DATABASE_URL not set: PostgreSQL route tests skipped; set it to run them, e.g. postgres://postgres@127.0.0.1:5432/postgres)',
    );
  }
}

if (want('e2e')) {
  if (!fs.existsSync('/usr/bin/chromium') && !process.env.WENMING_CHROMIUM) {
    console.error(
      '\nChromium is missing (/usr/bin/chromium): install Debian packages `chromium fonts-noto-cjk` (bash .ci/run does).',
    );
    failures.push('e2e: chromium missing');
    failed++;
  } else if (run('build web', 'npm', ['run', 'build', '--silent', '-w', '@wenming/web', '--', '--logLevel', 'warn'])) {
    const out = '.tmp/playwright.json';
    fs.rmSync(out, { force: true });
    run('browser journeys', 'npx', ['playwright', 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    });
    if (fs.existsSync(out)) {
      const report = JSON.parse(fs.readFileSync(out, 'utf8'));
      const s = report.stats;
      passed += s.expected + s.flaky;
      if (s.flaky) flaky.push(...flakyTitles(report));
      failed += s.unexpected;
      skipped += s.skipped;
    }
  }
}

if (flaky.length) console.log(`\nFlaky (passed on the retry): ${flaky.join('; ')}`);
if (failures.length) console.error(`\nFailed steps: ${failures.join(', ')}`);
if (failures.length && failed === 0) failed = failures.length; // a failed lint or type check counts too
console.log(
  `\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${flaky.length ? `, ${flaky.length} flaky` : ''}`,
);
process.exit(failures.length ? 1 : 0);
