import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { registerJobs } from '../modules';
import type { DemoContext } from '../demo/context';
import { seedDemo } from '../demo/seed-demo';
import { createTenant } from '../modules/org/tenant.service';
import { DEMO_PASSWORD, type DemoTemplate, TEST_PII_KEY, adminQuery, buildDemoTemplate } from './demo-template';
import { type Clock, systemClock } from '../platform/clock';
import { createFileStore } from '../platform/files';
import { createPiiCipher } from '../platform/crypto';
import { type Database, migrateDatabase, openDatabase } from '../platform/db';

export { DEMO_PASSWORD, TEST_PII_KEY };

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
 * A fresh, migrated database: PGlite (in memory, or in `pgliteDir`), or a new database on the PostgreSQL server;
 * a copy of the run's demo template when one is given (not for a PGlite directory).
 */
export async function createTestDatabase(from?: DemoTemplate, pgliteDir?: string): Promise<TestDatabase> {
  if (testEngine() === 'pglite') {
    const dump = from?.pgliteDump && !pgliteDir ? new Blob([fs.readFileSync(from.pgliteDump)]) : undefined;
    const database = await openDatabase({ loadDataDir: dump, dataDir: pgliteDir ?? null });
    if (!dump) await migrateDatabase(database);
    return { database, drop: () => database.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('WENMING_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  const name = `wm_test_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(
    url,
    from?.pgTemplate ? `CREATE DATABASE ${name} TEMPLATE ${from.pgTemplate}` : `CREATE DATABASE ${name}`,
  );
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 10 });
  if (!from?.pgTemplate) await migrateDatabase(database);
  return {
    database,
    url: u.toString(),
    drop: async () => {
      await database.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * The run's demo template: built by the first test file that asks (a lock directory decides which), read by the
 * others once it is written. Without the run's directory (a script, another runner) each caller builds its own.
 */
async function runDemoTemplate(): Promise<DemoTemplate> {
  let dir: string | undefined;
  try {
    dir = inject('demoTemplateDir');
  } catch {
    dir = undefined;
  }
  if (!dir) return buildDemoTemplate(fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-demo-')), testEngine());
  const ready = path.join(dir, 'template.json');
  const failed = path.join(dir, 'failed.txt');
  try {
    fs.mkdirSync(path.join(dir, 'lock'));
  } catch {
    for (let waited = 0; waited < 600_000; waited += 200) {
      if (fs.existsSync(ready)) return JSON.parse(fs.readFileSync(ready, 'utf8')) as DemoTemplate;
      if (fs.existsSync(failed)) throw new Error(`the demo template failed: ${fs.readFileSync(failed, 'utf8')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('timed out waiting for the demo template');
  }
  try {
    const t = await buildDemoTemplate(path.join(dir, 'build'), testEngine());
    fs.writeFileSync(`${ready}.tmp`, JSON.stringify(t));
    fs.renameSync(`${ready}.tmp`, ready);
    return t;
  } catch (err) {
    fs.writeFileSync(failed, String((err as Error).stack ?? err));
    throw err;
  }
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Inject with this session's cookie and CSRF token. */
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

/**
 * App over a fresh database with the 示范市 demo tenant seeded on the clock's day (the real time unless a test
 * gives a clock); every test file builds its own. `pgliteOnDisk` keeps PGlite in the app's data directory (the
 * backup test copies it).
 */
export async function createTestApp(
  overrides: Record<string, string> = {},
  opts: { clock?: Clock; pgliteOnDisk?: boolean; demo?: boolean } = {},
) {
  // Without the demo: one empty tenant `test`, to be filled by the factories of test/factories.ts.
  const bare = opts.demo === false;
  const clock = opts.clock ?? systemClock;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-test-'));
  const onDisk = opts.pgliteOnDisk === true && testEngine() === 'pglite';
  // A test with a clock of its own seeds the demo on that day; the others copy the run's demo.
  const template = opts.clock || onDisk || bare ? null : await runDemoTemplate();
  const { database, drop, url } = await createTestDatabase(
    template ?? undefined,
    onDisk ? path.join(dataDir, 'db') : undefined,
  );
  const config = loadConfig({
    NODE_ENV: 'test',
    WENMING_DATA_DIR: dataDir,
    WENMING_PII_KEY: TEST_PII_KEY,
    LOG_LEVEL: 'silent',
    WENMING_LOGIN_RATE_PER_MINUTE: '1000',
    ...(bare ? { WENMING_DEFAULT_TENANT: 'test' } : {}),
    ...overrides,
  });
  const cipher = createPiiCipher(Buffer.from(TEST_PII_KEY, 'base64'));
  const files = createFileStore(path.join(dataDir, 'files'), config.uploadMaxBytes);
  let tenantId: string;
  if (template) {
    fs.cpSync(template.filesDir, path.join(dataDir, 'files'), { recursive: true });
    const [demo] = await database.query<{ id: string }>(sql`SELECT id FROM tenant WHERE code = 'demo'`);
    tenantId = demo.id;
  } else if (bare) {
    tenantId = (await createTenant(database.db, { code: 'test', name: '测试市' })).id;
  } else {
    tenantId = (await seedDemo({ db: database.db, cipher, clock, files }, { password: DEMO_PASSWORD })).tenantId;
  }
  const app = await buildApp(config, { database, logger: false, clock });
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

/** The demo seed's context over a test app (for tests that run a part of the demo seed again). */
export function demoContextOf(t: TestApp): DemoContext {
  const { db, clock, cipher, files, jobs } = t.ctx;
  return { db, tenantId: t.tenantId, clock, cipher, files, jobs };
}
