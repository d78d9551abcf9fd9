import cluster from 'node:cluster';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { AggregatorRegistry } from 'prom-client';
import { buildApp } from './app';
import type { Config } from './config';
import { registerJobs } from './modules';
import { demoAccountList, seedDemo } from './demo/seed-demo';
import { clockFromEnv } from './platform/clock';
import { createFileStore } from './platform/files';
import { ensureBuiltinRoles } from './modules/org/tenant.service';
import { tenant } from './db/schema';
import { createPiiCipher, loadPiiKey } from './platform/crypto';
import { type Database, migrateDatabase, openDatabase } from './platform/db';
import { serveMetricsPort } from './platform/metrics';
import { premakePartitions, schedulePartitionJob } from './platform/partitions';

/** Open and migrate the database, bring built-in roles up to date and seed the demo tenant once. */
export async function prepareDatabase(config: Readonly<Config>) {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: path.join(config.dataDir, 'db'),
    poolSize: config.poolSize,
  });
  await migrateDatabase(database);
  await premakePartitions(database.db, new Date());
  // Built-in roles follow the contracts: a tenant made by an older version gets new permissions on start.
  for (const t of await database.db.select({ id: tenant.id }).from(tenant)) await ensureBuiltinRoles(database.db, t.id);
  // A demo made earlier (in development, before the switch) still has its published password: in production every
  // demo account that never changed it must do so at its next sign-in.
  if (config.env === 'production')
    await database.db.execute(sql`UPDATE account SET must_change_password = true
      WHERE is_demo AND password_changed_at IS NULL AND NOT must_change_password`);
  let seeded = false;
  // The personal-data key is read (in development: made) once, before any worker could race to make it.
  const cipher = createPiiCipher(loadPiiKey(config.piiKey, config.dataDir, config.env));
  if (config.seedDemo) {
    const deps = {
      db: database.db,
      cipher,
      clock: clockFromEnv(config.clockStart ?? undefined),
      files: createFileStore(path.join(config.dataDir, 'files'), config.uploadMaxBytes),
    };
    // A demo made in production (only with WENMING_DEMO=1) makes every demo account change its published password.
    seeded = (
      await seedDemo(deps, {
        password: config.demoPassword,
        code: config.defaultTenant,
        mustChangePassword: config.demoMustChangePassword,
      })
    ).created;
  }
  return { database, seeded };
}

function announce(config: Readonly<Config>, engine: string, t0: number, seeded: boolean) {
  const where = engine === 'pglite' ? `PGlite ${path.join(config.dataDir, 'db')}` : 'PostgreSQL';
  const processes = config.processes > 1 ? `, ${config.processes} processes` : '';
  console.log(
    `\n文明 Wenming is running on http://localhost:${config.port}  (${where}${processes}; ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  if (config.seedDemo) printDemoAccounts(config.demoPassword, seeded, config.demoMustChangePassword);
}

/** Serve HTTP on an opened database (and run jobs if configured) until a signal stops it. */
async function serve(config: Readonly<Config>, database: Database) {
  const app = await buildApp(config, { database });
  registerJobs(app.ctx);
  if (config.runJobs) {
    app.ctx.jobs.start();
    schedulePartitionJob(app, app.ctx.db, () => app.ctx.clock.now());
  }
  await app.listen({ port: config.port, host: config.host });
  const registry = app.ctx.metrics.registry;
  // Forked processes answer the primary's metrics requests; a single process serves the port itself.
  if (cluster.isWorker) AggregatorRegistry.setRegistries([registry]);
  else if (config.metricsPort)
    await serveMetricsPort(config.metricsPort, config.host, async () => ({
      contentType: registry.contentType,
      body: await registry.metrics(),
    }));
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

/**
 * Start the platform. One process by default; with WENMING_PROCESSES > 1 (PostgreSQL) this process prepares
 * the database, then forks that many HTTP processes sharing the port (node:cluster) and replaces any that dies.
 */
export async function startServer(config: Readonly<Config>): Promise<void> {
  const t0 = Date.now();
  if (config.processes > 1 && cluster.isWorker) {
    // A forked HTTP process: the primary migrated and seeded already.
    const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.poolSize });
    await serve(config, database);
    process.send?.({ listening: true });
    return;
  }
  const { database, seeded } = await prepareDatabase(config);
  if (config.processes > 1) {
    await database.close();
    await startWorkers(config);
    return announce(config, 'postgres', t0, seeded);
  }
  await serve(config, database);
  announce(config, database.engine, t0, seeded);
}

/** Fork the HTTP processes (jobs run in the first), wait until each listens, and keep them running. */
async function startWorkers(config: Readonly<Config>) {
  let stopping = false;
  const fork = (index: number) => {
    const env = {
      WENMING_WORKER_INDEX: String(index),
      ...(index > 0 || !config.runJobs ? { WENMING_NO_JOBS: '1' } : {}),
    };
    const worker = cluster.fork(env);
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`HTTP process ${index} stopped (${signal ?? code}); starting another in a second`);
      setTimeout(() => fork(index).catch((err) => console.error(err.message)), 1000);
    });
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (m) => m?.listening && resolve());
      worker.on('exit', (code) => reject(new Error(`HTTP process ${index} exited with ${code} before listening`)));
    });
  };
  await Promise.all(Array.from({ length: config.processes }, (_, i) => fork(i)));
  if (config.metricsPort) {
    // The processes' metrics summed (counters, histograms) or listed per process, as one scrape.
    const aggregator = new AggregatorRegistry();
    await serveMetricsPort(config.metricsPort, config.host, async () => ({
      contentType: aggregator.contentType,
      body: await aggregator.clusterMetrics(),
    }));
  }
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    let left = workers.length;
    if (!left) process.exit(0);
    for (const w of workers) {
      w?.on('exit', () => --left === 0 && process.exit(0));
      w?.process.kill('SIGTERM');
    }
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function printDemoAccounts(password: string, seeded: boolean, mustChange: boolean): void {
  const change = mustChange ? '; each must change it at first sign-in' : '';
  console.log(`\n示范市 demo tenant ${seeded ? 'created' : 'ready'}. Accounts (password: ${password}${change}):`);
  for (const a of demoAccountList()) console.log(`  ${a.username.padEnd(16)} ${a.role.padEnd(14)} ${a.description}`);
  console.log('');
}
