import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { registerJobs } from '../modules';
import { seedDemo } from '../modules/org/demo/seed-demo';
import { createPiiCipher } from '../platform/crypto';
import { type Database, migrateDatabase, openDatabase } from '../platform/db';

export const DEMO_PASSWORD = 'Wenming@2026';
export const TEST_PII_KEY = Buffer.alloc(32, 7).toString('base64');

/** Which engine this test run uses: PostgreSQL when WENMING_TEST_ENGINE=postgres (needs TEST_DATABASE_URL). */
export function testEngine(): 'pglite' | 'postgres' {
  return process.env.WENMING_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

export interface TestDatabase {
  database: Database;
  drop: () => Promise<void>;
  /** PostgreSQL: the new database's URL. */
  url?: string;
}

/**
 * A fresh, migrated database: PGlite (in memory, or in `pgliteDir`), or a new database on the PostgreSQL server.
 */
export async function createTestDatabase(pgliteDir?: string): Promise<TestDatabase> {
  if (testEngine() === 'pglite') {
    const database = await openDatabase({ dataDir: pgliteDir ?? null });
    await migrateDatabase(database);
    return { database, drop: () => database.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('WENMING_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  const name = `wm_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 10 });
  await migrateDatabase(database);
  return {
    database,
    url: u.toString(),
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Inject with this session's cookie and CSRF token. */
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

/** App over a fresh database with the 示范市 demo tenant seeded; every test file builds its own. */
export async function createTestApp(overrides: Record<string, string> = {}, opts: { pgliteOnDisk?: boolean } = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-test-'));
  const { database, drop, url } = await createTestDatabase(opts.pgliteOnDisk ? path.join(dataDir, 'db') : undefined);
  const config = loadConfig({
    NODE_ENV: 'test',
    WENMING_DATA_DIR: dataDir,
    WENMING_PII_KEY: TEST_PII_KEY,
    LOG_LEVEL: 'silent',
    WENMING_LOGIN_RATE_PER_MINUTE: '1000',
    ...overrides,
  });
  const cipher = createPiiCipher(Buffer.from(TEST_PII_KEY, 'base64'));
  const { tenantId } = await seedDemo(database.db, cipher, DEMO_PASSWORD);
  const app = await buildApp(config, { database, logger: false });
  registerJobs(app.ctx);
  await app.ready();

  async function login(username: string, password = DEMO_PASSWORD): Promise<Session> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const raw = res.cookies.find((c) => c.name === 'wm_session')!;
    const cookie = `wm_session=${raw.value}`;
    const csrf = res.json().csrfToken as string;
    return {
      cookie,
      csrf,
      inject: (opts) =>
        app.inject({ ...opts, headers: { cookie, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } } as InjectOptions),
    };
  }

  return {
    app,
    ctx: app.ctx,
    config,
    database,
    /** PostgreSQL: the test database's URL. */
    databaseUrl: url,
    dataDir,
    tenantId,
    login,
    drainJobs: () => app.ctx.jobs.drain(),
    async close() {
      await app.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
