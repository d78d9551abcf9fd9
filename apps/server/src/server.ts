import path from 'node:path';
import { buildApp } from './app';
import type { Config } from './config';
import { registerJobs } from './modules';
import { demoAccountList, seedDemo } from './modules/org/demo/seed-demo';
import { ensureBuiltinRoles } from './modules/org/tenant.service';
import { tenant } from './db/schema';
import { createPiiCipher, loadPiiKey } from './platform/crypto';
import { migrateDatabase, openDatabase } from './platform/db';

/** Open and migrate the database, seed the demo tenant once, listen, and stop cleanly on a signal. */
export async function startServer(config: Readonly<Config>): Promise<void> {
  const t0 = Date.now();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: path.join(config.dataDir, 'db'),
    poolSize: config.poolSize,
  });
  await migrateDatabase(database);
  // Built-in roles follow the contracts: a tenant made by an older version gets new permissions on start.
  for (const t of await database.db.select({ id: tenant.id }).from(tenant)) await ensureBuiltinRoles(database.db, t.id);
  let seeded = false;
  if (config.seedDemo) {
    const cipher = createPiiCipher(loadPiiKey(config.piiKey, config.dataDir, config.env));
    seeded = (await seedDemo(database.db, cipher, config.demoPassword, config.defaultTenant)).created;
  }
  const app = await buildApp(config, { database });
  registerJobs(app.ctx);
  if (config.runJobs) app.ctx.jobs.start();
  await app.listen({ port: config.port, host: config.host });
  const where = database.engine === 'pglite' ? `PGlite ${path.join(config.dataDir, 'db')}` : 'PostgreSQL';
  console.log(
    `\n文明 Wenming is running on http://localhost:${config.port}  (${where}; ready in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
  if (config.seedDemo) printDemoAccounts(config.demoPassword, seeded);
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

function printDemoAccounts(password: string, seeded: boolean): void {
  console.log(`\n示范市 demo tenant ${seeded ? 'created' : 'ready'}. Accounts (password: ${password}):`);
  for (const a of demoAccountList()) console.log(`  ${a.username.padEnd(16)} ${a.role.padEnd(14)} ${a.description}`);
  console.log('');
}
