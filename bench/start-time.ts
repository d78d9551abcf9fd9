// Benchmark: time from `wenming start` to ready (GET /readyz 200 and the demo admin can sign in), on a
// fresh data directory (embedded PGlite; the first start migrates and seeds the demo tenant) and again
// on the same directory. Targets: first start < 20 s, restart < 5 s.
//   npx tsx bench/start-time.ts
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BenchResult, freePort, isMain, measured, repoRoot, runStandalone, sleep } from './lib';

const NAME = 'start';
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

interface Started {
  child: ChildProcess;
  readySeconds: number;
  loginSeconds: number;
  output: () => string;
}

function spawnServer(dataDir: string, port: number): { child: ChildProcess; output: () => string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    WENMING_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'development',
  };
  for (const k of [
    'DATABASE_URL',
    'WENMING_NO_DEMO',
    'WENMING_PII_KEY',
    'WENMING_DEFAULT_TENANT',
    'WENMING_DEMO_PASSWORD',
  ])
    delete env[k];
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'start'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { child, output: () => out };
}

async function tryFetch(url: string, init?: RequestInit): Promise<Response | null> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });
  } catch {
    return null;
  }
}

/** Start the server and wait (bounded) until it is ready and the demo admin can sign in. */
async function startAndWait(dataDir: string): Promise<Started> {
  const port = await freePort();
  const t0 = performance.now();
  const { child, output } = spawnServer(dataDir, port);
  const base = `http://127.0.0.1:${port}`;
  const deadline = t0 + READY_TIMEOUT_MS;
  let readySeconds = 0;
  while (!readySeconds) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    if (performance.now() > deadline) throw new Error(`not ready after ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
    const res = await tryFetch(`${base}/readyz`);
    if (res?.status === 200) readySeconds = (performance.now() - t0) / 1000;
    else await sleep(50);
  }
  // The demo tenant is seeded before listen, so one sign-in should do; a few tries at most, well
  // below the five failures that would lock the name.
  for (let attempt = 1; ; attempt++) {
    const res = await tryFetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Wenming@2026' }),
    });
    if (res?.status === 200 && res.headers.get('set-cookie')?.includes('wm_session=')) break;
    if (attempt >= 3) {
      await stopServer(child);
      throw new Error(`demo admin login failed (${res?.status ?? 'no answer'}): ${await res?.text()}`);
    }
    await sleep(500);
  }
  return { child, readySeconds, loginSeconds: (performance.now() - t0) / 1000, output };
}

/** SIGTERM and wait for the exit (SIGKILL after a while). */
async function stopServer(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return 0;
  const t0 = performance.now();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
  return (performance.now() - t0) / 1000;
}

export async function run(): Promise<BenchResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-bench-start-'));
  const results: BenchResult[] = [];
  try {
    console.error('first start on a fresh data dir …');
    const first = await startAndWait(dataDir);
    const stop1 = await stopServer(first.child);
    results.push(
      measured(NAME, 'first start: /readyz 200', first.readySeconds, 's'),
      measured(NAME, 'first start: ready + admin login', first.loginSeconds, 's', { max: 20 }),
    );
    console.error('restart on the same data dir …');
    const second = await startAndWait(dataDir);
    const stop2 = await stopServer(second.child);
    results.push(
      measured(NAME, 'restart: /readyz 200', second.readySeconds, 's'),
      measured(NAME, 'restart: ready + admin login', second.loginSeconds, 's', { max: 5 }),
      measured(NAME, 'shutdown after SIGTERM', Math.max(stop1, stop2), 's', undefined, 'slower of the two'),
    );
    return results;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) await runStandalone(NAME, run);
