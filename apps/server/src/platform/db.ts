import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type SQL, sql } from 'drizzle-orm';
import type { NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from '../db/schema';
import { acquirePgliteLock } from './pglite-lock';

export type Schema = typeof schema;
// Typed as node-postgres (execute → { rows }); PGlite's results have the same shape.
export type Db = PgDatabase<NodePgQueryResultHKT, Schema>;
/** A transaction handle; it has the same query API as Db. */
export type Tx = Db;

// Note for raw SQL: pass a JS array as ONE parameter with sql.param(array) (e.g. unnest(${sql.param(ids)}::uuid[]));
// a bare array inside a drizzle sql template expands into a comma-separated list of parameters.

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Run raw SQL and get its rows. */
  query<T = Record<string, unknown>>(q: SQL): Promise<T[]>;
  /** A hot-path statement by name: prepared once per connection on PostgreSQL ($1…$n placeholders). */
  prepared<T = Record<string, unknown>>(name: string, text: string, values: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
  /** The pool of the hot-path prepared statements (PostgreSQL). */
  hotPool?: pg.Pool;
  /** The connection pools by name, for metrics (PostgreSQL only). */
  pools?(): Record<string, pg.Pool>;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../db/migrations');

// Timestamps, bigints and numerics come back as strings in node-postgres by default: make them match PGlite.
pg.types.setTypeParser(20, (v) => Number(v)); // int8
pg.types.setTypeParser(1700, (v) => Number(v)); // numeric

export interface OpenOptions {
  databaseUrl?: string | null;
  /** PGlite data dir; omitted means an in-memory database. */
  dataDir?: string | null;
  poolSize?: number;
  /** PGlite only: start from this dump of a data dir (PGlite's dumpDataDir), e.g. a prepared test database. */
  loadDataDir?: Blob;
}

/** Open PostgreSQL when a URL is given, otherwise embedded PGlite. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 20 });
    pool.on('error', () => {}); // idle client errors are reported on the next query
    // Hot-path statements are written as one text for every caller (what varies is a parameter) so that each
    // is planned once per connection. PostgreSQL would still plan them again on every call whenever its
    // estimates favour a custom plan: a millisecond of CPU for the inspection target query, more than running
    // it. Their own connections force the one generic plan; every other query keeps being planned per call.
    const hot = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 20,
      options: '-c plan_cache_mode=force_generic_plan',
    });
    hot.on('error', () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      pool,
      hotPool: hot,
      pools: () => ({ main: pool, hot }),
      query: async (q) => (await db.execute(q)).rows as never,
      prepared: async (name, text, values) => (await hot.query({ name, text, values })).rows as never,
      close: async () => {
        await Promise.all([pool.end(), hot.end()]);
      },
    };
  }
  if (opts.dataDir) fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true });
  const release = opts.dataDir ? acquirePgliteLock(opts.dataDir) : () => {};
  const client = await PGlite.create(opts.dataDir ?? undefined, {
    extensions: { ltree, pg_trgm },
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  }).catch((err) => {
    release();
    throw err;
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    pglite: client,
    query: async (q) => (await db.execute(q)).rows as never,
    prepared: async (_name, text, values) => (await client.query(text, values)).rows as never,
    close: async () => {
      await client.close();
      release();
    },
  };
}

const MIGRATION_LOCK = 727_001;

/** Apply pending migrations; on PostgreSQL one process at a time (advisory lock). */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const client = await database.pool!.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client) as never, { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

/** Number of migrations in the journal vs. applied: readiness needs them equal. */
export async function checkMigrationsCurrent(database: Database): Promise<boolean> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
  const rows = await database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`);
  return Number(rows[0]?.n) === journal.entries.length;
}
