// Prometheus metrics (prom-client): request rate and latency per route, the job queue, the database pools and
// the replica's lag. One registry per app (tests build many apps in one process); the platform's collectors read
// the pools and the queue when Prometheus scrapes, so a request pays only for one histogram observation.
import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import client from 'prom-client';
import type { Database } from './db';
import type { ReplicaRouter } from './replica';

export interface AppMetrics {
  registry: client.Registry;
  /** A job attempt that threw (counted per kind; `final` when the job will not be retried). */
  jobFailed(kind: string, final: boolean): void;
}

/** Buckets in seconds, from a cached read (≈ 1 ms) to a document render (≈ 2 s). */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type JobCount = { kind: string; status: string; n: number };

/** Build the registry and its collectors over the app's database (and replica, when one is configured). */
export function createMetrics(
  database: Database,
  replica: ReplicaRouter | null,
  jobCounts: () => Promise<JobCount[]>,
): AppMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'wenming_' });
  const jobFailures = new client.Counter({
    name: 'wenming_job_failures_total',
    help: 'Job attempts that threw, by kind; final="true" when the job was marked failed',
    labelNames: ['kind', 'final'],
    registers: [registry],
  });
  new client.Gauge({
    name: 'wenming_job_queue_depth',
    help: 'Jobs queued or running, by kind and status (read from the job table at scrape time)',
    labelNames: ['kind', 'status'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const r of await jobCounts()) this.set({ kind: r.kind, status: r.status }, r.n);
    },
  });
  new client.Gauge({
    name: 'wenming_db_pool_connections',
    help: 'PostgreSQL pool connections by pool (main, hot, replica) and state (total, idle, waiting)',
    labelNames: ['pool', 'state'],
    registers: [registry],
    collect() {
      this.reset();
      const pools = { ...database.pools?.(), ...replica?.pools() };
      for (const [name, p] of Object.entries(pools)) {
        this.set({ pool: name, state: 'total' }, p.totalCount);
        this.set({ pool: name, state: 'idle' }, p.idleCount);
        this.set({ pool: name, state: 'waiting' }, p.waitingCount);
      }
    },
  });
  if (replica) registerReplicaGauges(registry, replica);
  return {
    registry,
    jobFailed: (kind, final) => jobFailures.inc({ kind, final: String(final) }),
  };
}

/** The replica's lag and whether reads go to it (only with DATABASE_REPLICA_URL). */
function registerReplicaGauges(registry: client.Registry, replica: ReplicaRouter) {
  new client.Gauge({
    name: 'wenming_replica_lag_seconds',
    help: 'Replay lag of the read replica as last measured (+Inf when unreachable)',
    registers: [registry],
    collect() {
      const lag = replica.status().lagSeconds;
      // An unreachable replica reads as infinitely behind.
      this.set(lag ?? Number.POSITIVE_INFINITY);
    },
  });
  new client.Gauge({
    name: 'wenming_replica_usable',
    help: '1 when read-only routes are served from the replica, 0 when they fell back to the primary',
    registers: [registry],
    collect() {
      this.set(replica.status().usable ? 1 : 0);
    },
  });
}

/** Count every request by route and status, and time it; `route` is the route's pattern, never the raw URL. */
export function instrumentRequests(app: FastifyInstance, metrics: AppMetrics): void {
  const duration = new client.Histogram({
    name: 'wenming_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status (its _count is the request rate)',
    labelNames: ['method', 'route', 'status'],
    buckets: LATENCY_BUCKETS,
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    duration.observe({ method: req.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
}

/** Whether a scrape may read the metrics: a bearer token equal to WENMING_METRICS_TOKEN. */
export function metricsAllowed(authorization: string | undefined, token: string | null): boolean {
  if (!token) return false;
  return authorization === `Bearer ${token}`;
}

/** Serve the metrics on their own port (for a network only Prometheus reaches); resolves once it listens. */
export function serveMetricsPort(
  port: number,
  host: string,
  render: () => Promise<{ contentType: string; body: string }>,
): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    render().then(
      (m) => res.writeHead(200, { 'content-type': m.contentType }).end(m.body),
      (err) => res.writeHead(500).end(String(err)),
    );
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
