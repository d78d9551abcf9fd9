import path from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { loadConfig } from './config';
import * as s from './db/schema';
import { importRegionSubtree } from './modules/org/region-import';
import { describeError, resetDemo, seedDemo } from './demo/seed-demo';
import { clockFromEnv } from './platform/clock';
import { createFileStore } from './platform/files';
import { createTenant } from './modules/org/tenant.service';
import { verifyAuditChain } from './platform/audit';
import { createPiiCipher, loadPiiKey } from './platform/crypto';
import { type Database, migrateDatabase, openDatabase } from './platform/db';
import { startServer } from './server';

const usage = `wenming <command> [options]

  start                              run the platform (migrates, seeds the demo tenant once)
  migrate                            apply database migrations
  seed-demo [--reset]                create the 示范市 demo tenant if missing (--reset: remove it and create it again)
  import-regions --tenant T --root CODE [--name NAME]
                                     import a GB/T 2260 subtree (e.g. --root 620104 brings 西固区)
  verify-audit [--tenant T]          check every tenant's audit hash chain; exit 1 at a broken link
  gen-city --size S|M|L|XL [--tenant T] [--history-months N]
                                     write a synthetic city for benchmarks; XL is L with 134 months of history
                                     (20.1 million observations, 50.1 million hour records)
  citus-ddl                          print the Citus distribution DDL of the migrated schema (docs/scale-out.md)
  backup --to FILE                   database (pg_dump custom format, or PGlite's files while it is stopped) and
                                     the file store in one tar file; the personal-data key is NOT in it
  restore --from FILE [--force]      restore into an empty database (--force: over the existing one)
  partitions [--table T] [--retention N|keep] [--detach [--before YYYY-MM]]
                                     list the month partitions of history tables; set how many months a table
                                     keeps attached; detach the months past retention (or before a month)

Configuration comes from the environment (see README).`;

async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: path.join(config.dataDir, 'db'),
    poolSize: config.poolSize,
  });
  try {
    await migrateDatabase(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      tenant: { type: 'string' },
      root: { type: 'string' },
      name: { type: 'string' },
      size: { type: 'string' },
      seed: { type: 'string' },
      reset: { type: 'boolean' },
      'history-months': { type: 'string' },
      to: { type: 'string' },
      from: { type: 'string' },
      force: { type: 'boolean' },
      table: { type: 'string' },
      retention: { type: 'string' },
      detach: { type: 'boolean' },
      before: { type: 'string' },
    },
    allowPositionals: false,
  });
  switch (command) {
    case 'start':
      await startServer(loadConfig());
      return -1;
    case 'migrate':
      await withDatabase(async () => console.log('migrations applied'));
      return 0;
    case 'seed-demo':
      return withDatabase(async (database) => {
        const config = loadConfig();
        const deps = {
          db: database.db,
          cipher: createPiiCipher(loadPiiKey(config.piiKey, config.dataDir, config.env)),
          clock: clockFromEnv(config.clockStart ?? undefined),
          files: createFileStore(path.join(config.dataDir, 'files'), config.uploadMaxBytes),
        };
        // Asked for explicitly; in production its accounts must change the published password first.
        const opts = {
          password: config.demoPassword,
          code: config.defaultTenant,
          mustChangePassword: config.demoMustChangePassword,
        };
        const r = values.reset ? await resetDemo(deps, opts) : await seedDemo(deps, opts);
        if (values.reset) console.log(`demo tenant recreated (${r.tenantId})`);
        else console.log(r.created ? `demo tenant created (${r.tenantId})` : 'demo tenant already present');
        return 0;
      });
    case 'import-regions':
      if (!values.tenant || !values.root) throw new Error('import-regions needs --tenant and --root');
      return withDatabase(async (database) => {
        const t = await createTenant(database.db, {
          code: values.tenant!,
          name: values.name ?? values.tenant!,
          rootRegionCode: values.root,
        });
        const r = await importRegionSubtree(database.db, t.id, values.root!, {
          onProgress: (d, n) => process.stdout.write(`\rimporting regions ${d}/${n}`),
        });
        console.log(`\n${r.imported} of ${r.total} regions imported into tenant ${values.tenant}`);
        return 0;
      });
    case 'verify-audit':
      return withDatabase(async (database) => {
        const tenants = await database.db
          .select()
          .from(s.tenant)
          .where(values.tenant ? eq(s.tenant.code, values.tenant) : undefined);
        let ok = true;
        for (const t of tenants) {
          const r = await verifyAuditChain(database.db, t.id);
          const from = r.archivedThrough ? ` after the archived events 1–${r.archivedThrough}` : '';
          if (r.ok) console.log(`${t.code}: ${r.checked} events${from}, chain intact`);
          else {
            ok = false;
            console.log(
              `${t.code}: BROKEN at event #${r.brokenAt!.seq} (${r.brokenAt!.reason}); ${r.checked} events before it are intact`,
            );
          }
        }
        return ok ? 0 : 1;
      });
    case 'gen-city': {
      const { runGenCity } = await import('./cli/gen-city-command');
      return withDatabase((database) =>
        runGenCity(database, {
          size: values.size,
          tenant: values.tenant,
          seed: values.seed,
          historyMonths: values['history-months'],
        }),
      );
    }
    case 'partitions': {
      const { runPartitionsCommand } = await import('./cli/partitions-command');
      return withDatabase((database) => runPartitionsCommand(database, values));
    }
    case 'citus-ddl':
      return withDatabase(async (database) => {
        const { planCitus } = await import('./db/citus');
        const plan = await planCitus(database.db);
        process.stdout.write(plan.ddl);
        for (const p of plan.problems) console.error(`co-location problem: ${p}`);
        return plan.problems.length ? 1 : 0;
      });
    case 'backup':
    case 'restore': {
      const { runBackupCommand } = await import('./cli/backup-command');
      return runBackupCommand(command, values);
    }
    default:
      console.log(usage);
      return command && command !== 'help' && command !== '--help' ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    // The real error: code, message and details (and the demo step that failed), never a bare code.
    console.error(`wenming: ${describeError(err)}`);
    if (process.env.WENMING_DEBUG) console.error(err);
    process.exit(1);
  },
);
