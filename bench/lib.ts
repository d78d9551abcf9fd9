// Shared helpers of the benchmark scripts: results, PostgreSQL set-up, ports, formatting.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';

export const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(benchDir, '..');
export const resultsDir = path.join(benchDir, 'results');

export const BENCH_DB = process.env.BENCH_DB_NAME || 'wenming_bench';
export const BENCH_TENANT = 'bench';
export const BENCH_PASSWORD = 'Bench@2026!';
/** A fixed personal-data key for the bench database, so that the app can decrypt what gen-city wrote. */
export const BENCH_PII_KEY = crypto.createHash('sha256').update('wenming-bench-pii-key').digest('base64');

export interface BenchResult {
  bench: string;
  metric: string;
  value: number | null;
  unit: string;
  /** e.g. "< 20 s"; empty when the number is informational. */
  target: string;
  status: 'pass' | 'fail' | 'info' | 'skipped' | 'error';
  note?: string;
}

/** A result checked against an upper or lower bound. */
export function measured(
  bench: string,
  metric: string,
  value: number,
  unit: string,
  bound?: { max?: number; min?: number },
  note?: string,
): BenchResult {
  if (!bound) return { bench, metric, value: round(value), unit, target: '', status: 'info', note };
  const ok = (bound.max === undefined || value < bound.max) && (bound.min === undefined || value >= bound.min);
  const target = bound.max !== undefined ? `< ${bound.max} ${unit}` : `≥ ${bound.min} ${unit}`;
  return { bench, metric, value: round(value), unit, target, status: ok ? 'pass' : 'fail', note };
}

export function skipped(bench: string, reason: string): BenchResult {
  return { bench, metric: '(skipped)', value: null, unit: '', target: '', status: 'skipped', note: reason };
}

export function failed(bench: string, err: unknown): BenchResult {
  const note = err instanceof Error ? err.message : String(err);
  return { bench, metric: '(error)', value: null, unit: '', target: '', status: 'error', note };
}

function round(v: number): number {
  return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 100) / 100;
}

/** The results as a fixed-width table for the console. */
export function formatTable(results: BenchResult[]): string {
  const rows = [
    ['bench', 'metric', 'value', 'target', 'status', 'note'],
    ...results.map((r) => [
      r.bench,
      r.metric,
      r.value === null ? '-' : `${r.value} ${r.unit}`.trim(),
      r.target,
      r.status.toUpperCase(),
      r.note ?? '',
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i]))));
  const line = (r: string[]) =>
    r
      .map((c, i) => c + ' '.repeat(widths[i] - displayWidth(c)))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Width in terminal cells: CJK characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

export function writeResults(file: string, results: BenchResult[], extra: Record<string, unknown> = {}): string {
  fs.mkdirSync(resultsDir, { recursive: true });
  const out = path.join(resultsDir, file);
  const body = {
    at: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    ...extra,
    results,
  };
  fs.writeFileSync(out, `${JSON.stringify(body, null, 2)}\n`);
  return out;
}

/** True when the module is the script node was started with (so it can also be imported by run-all). */
export function isMain(metaUrl: string): boolean {
  return !!process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === metaUrl;
}

/** Run one bench script on its own: print its table, write results/<name>.json; exit 1 when it crashed. */
export async function runStandalone(name: string, run: () => Promise<BenchResult[]>): Promise<void> {
  let results: BenchResult[];
  try {
    results = await run();
  } catch (err) {
    results = [failed(name, err)];
  }
  console.log(`\n${formatTable(results)}`);
  console.log(`\nwritten ${path.relative(repoRoot, writeResults(`${name}.json`, results))}`);
  process.exit(results.some((r) => r.status === 'error') ? 1 : 0);
}

/** Where Debian's PostgreSQL listens on its Unix socket. */
const DEBIAN_SOCKET_DIR = '/var/run/postgresql';

/**
 * The bench's server: BENCH_DATABASE_URL, else this host's PostgreSQL through its Unix socket when there is
 * one (as a same-host deployment connects, docs/operations.md; BENCH_PG_TCP=1 for 127.0.0.1:5432 instead).
 */
export function adminDatabaseUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  if (process.env.BENCH_PG_TCP !== '1' && fs.existsSync(path.join(DEBIAN_SOCKET_DIR, '.s.PGSQL.5432')))
    return `postgres://postgres@localhost/postgres?host=${encodeURIComponent(DEBIAN_SOCKET_DIR)}`;
  return 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** The same server with another database name. */
export function databaseUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** Null when PostgreSQL answers at the URL, otherwise why not. */
export async function checkPostgres(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return `PostgreSQL unreachable at ${redact(url)} (${err instanceof Error ? err.message : err}); set BENCH_DATABASE_URL`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function withAdminClient<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drop and create the bench database; returns its URL. */
export async function recreateBenchDatabase(): Promise<string> {
  await withAdminClient(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${BENCH_DB}`);
  });
  return databaseUrl(adminDatabaseUrl(), BENCH_DB);
}

/** Create the bench database when it is missing (keeping one that exists); returns its URL. */
export async function ensureBenchDatabase(): Promise<string> {
  await withAdminClient(async (c) => {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DB]);
    if (r.rowCount === 0) await c.query(`CREATE DATABASE ${BENCH_DB}`);
  });
  return databaseUrl(adminDatabaseUrl(), BENCH_DB);
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
