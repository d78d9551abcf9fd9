// Readers beside the inspection load (bench/replica.ts): the big screen read by the city-wide admin while the
// field submits, and the replica's lag as /readyz reports it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { BENCH_PASSWORD, BENCH_TENANT, benchDir } from './lib';

export interface ReaderSummary {
  connections: number;
  requests: number;
  reqPerSec: number;
  latency: { p50: number; p99: number };
  non2xx: number;
}

/**
 * The office's big screen read while the field submits (BENCH_BIGSCREEN_CONNECTIONS, default 0: none), by the
 * city-wide admin, from a load process of its own.
 */
export async function bigscreenReaders(base: string, duration: number): Promise<ReaderSummary | null> {
  const connections = Number(process.env.BENCH_BIGSCREEN_CONNECTIONS ?? 0);
  if (!connections) return null;
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench_admin', password: BENCH_PASSWORD, tenant: BENCH_TENANT }),
  });
  const cookie = res.headers.get('set-cookie')?.match(/wm_session=[^;]+/)?.[0];
  if (!cookie) throw new Error(`bench_admin login failed: ${res.status}`);
  const spec = JSON.stringify({ url: `${base}/api/v1/bigscreen`, connections, duration, headers: { cookie } });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(benchDir, 'autocannon-worker.mjs'), spec], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
    });
    child.on('error', reject);
    child.on('exit', () => resolve(JSON.parse(out.trim().split('\n').pop()!)));
  });
}

/** With a replica configured, /readyz every second: the largest lag seen and the share of probes it was usable. */
export function probeReplicaLag(base: string) {
  if (!process.env.DATABASE_REPLICA_URL) return { stop: () => null };
  const seen: { lag: number; usable: boolean }[] = [];
  const timer = setInterval(async () => {
    const r = await fetch(`${base}/readyz`).then(
      (x) => x.json(),
      () => null,
    );
    if (r?.replica) seen.push({ lag: r.replica.lagSeconds ?? Number.POSITIVE_INFINITY, usable: r.replica.usable });
  }, 1000);
  return {
    stop: () => {
      clearInterval(timer);
      return {
        maxLagSeconds: Math.max(0, ...seen.map((x) => x.lag)),
        usableShare: seen.length ? seen.filter((x) => x.usable).length / seen.length : 0,
      };
    },
  };
}
