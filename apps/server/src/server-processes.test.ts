// `wenming start` with WENMING_PROCESSES=2 on PostgreSQL: the primary migrates and seeds once, forks two HTTP
// processes sharing the port, replaces one that dies, and stops them all on SIGTERM. PostgreSQL pass only:
// several processes need a database server (the configuration refuses them on PGlite, see config.test.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from './test/harness';

const root = path.resolve(import.meta.dirname, '../../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pids of a process's children (Linux /proc). */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The HTTP processes: node children of the primary (tsx's esbuild service is a child too). */
const httpProcesses = (primary: number) =>
  childrenOf(primary).filter((p) => fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('cli.ts'));

describe.runIf(testEngine() === 'postgres')('several HTTP processes (PostgreSQL pass)', () => {
  const name = `wm_test_procs_${crypto.randomBytes(4).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-procs-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const base = `http://127.0.0.1:${port}`;
  let primary: ChildProcess;
  let output = '';

  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    await c.query(text);
    await c.end();
  };
  const ready = async () => {
    for (let i = 0; i < 900; i++) {
      if (
        await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      if (primary.exitCode !== null) throw new Error(`wenming start exited: ${output}`);
      await sleep(100);
    }
    throw new Error(`not ready in 90 s: ${output}`);
  };

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const env = {
      ...process.env,
      DATABASE_URL: url.toString(),
      WENMING_PROCESSES: '2',
      DATABASE_POOL_SIZE: '4',
      PORT: String(port),
      HOST: '127.0.0.1',
      WENMING_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'development',
    };
    primary = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'start'], { cwd: root, env });
    primary.stdout?.on('data', (b) => {
      output += b;
    });
    primary.stderr?.on('data', (b) => {
      output += b;
    });
    await ready();
    // The primary announces itself once every HTTP process listens, a moment after /readyz answers.
    for (let i = 0; i < 300 && !/is running on/.test(output); i++) await sleep(100);
  }, 120_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null) primary.kill('SIGKILL');
    for (const p of primary?.pid ? httpProcesses(primary.pid) : []) process.kill(p, 'SIGKILL');
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves from two processes, replaces one that dies, and stops them all on SIGTERM', async () => {
    expect(output).toMatch(/PostgreSQL, 2 processes/);
    expect(output).toMatch(/示范市 demo tenant created/);
    const workers = httpProcesses(primary.pid!);
    expect(workers).toHaveLength(2);
    const login = async () =>
      fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Wenming@2026' }),
      }).then((r) => r.status);
    // Served while two processes share the port (each request on a connection of its own).
    expect(await Promise.all(Array.from({ length: 6 }, login))).toEqual([200, 200, 200, 200, 200, 200]);

    process.kill(workers[0], 'SIGKILL');
    for (let i = 0; i < 300 && !httpProcesses(primary.pid!).some((p) => !workers.includes(p)); i++) await sleep(100);
    const after = httpProcesses(primary.pid!);
    expect(after).toHaveLength(2);
    expect(after).toContain(workers[1]);
    expect(output).toMatch(/HTTP process 0 stopped \(SIGKILL\); starting another/);
    await ready();
    expect(await login()).toBe(200);

    const exited = new Promise<number | null>((r) => primary.once('exit', (code) => r(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    await sleep(500);
    for (const p of after) expect(fs.existsSync(`/proc/${p}`)).toBe(false);
  }, 120_000);
});
