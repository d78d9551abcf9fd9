// The demo tenant seeded once per test run and copied into each test file's fresh database: a PGlite data-dir dump,
// and on PostgreSQL a template database (CREATE DATABASE … TEMPLATE). Seeding takes seconds; copying it, a fraction
// of one. The copy is the run's, made on the run's day; nothing is kept between runs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { seedDemo } from '../demo/seed-demo';
import { systemClock } from '../platform/clock';
import { createPiiCipher } from '../platform/crypto';
import { migrateDatabase, openDatabase } from '../platform/db';
import { createFileStore } from '../platform/files';

export const DEMO_PASSWORD = 'Wenming@2026';
export const TEST_PII_KEY = Buffer.alloc(32, 7).toString('base64');

export interface DemoTemplate {
  /** When the demo was seeded. */
  seededAt: string;
  /** PGlite dump of the seeded database (a tar file). */
  pgliteDump: string | null;
  /** PostgreSQL database to copy with CREATE DATABASE … TEMPLATE. */
  pgTemplate: string | null;
  /** The file store the seed wrote (generated photos, documents): copied beside each test app. */
  filesDir: string;
}

/** Seed the demo into a new database of the engine and keep it as the run's template. */
export async function buildDemoTemplate(dir: string, engine: 'pglite' | 'postgres'): Promise<DemoTemplate> {
  fs.mkdirSync(dir, { recursive: true });
  const filesDir = path.join(dir, 'files');
  const seededAt = systemClock.now().toISOString();
  const cipher = createPiiCipher(Buffer.from(TEST_PII_KEY, 'base64'));
  const files = createFileStore(filesDir, 20 * 1024 * 1024);
  if (engine === 'pglite') {
    const database = await openDatabase({});
    await migrateDatabase(database);
    await seedDemo({ db: database.db, cipher, clock: systemClock, files }, { password: DEMO_PASSWORD });
    const dump = await database.pglite!.dumpDataDir('none');
    const pgliteDump = path.join(dir, 'demo.tar');
    fs.writeFileSync(pgliteDump, Buffer.from(await dump.arrayBuffer()));
    await database.close();
    return { seededAt, pgliteDump, pgTemplate: null, filesDir };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('WENMING_TEST_ENGINE=postgres needs TEST_DATABASE_URL');
  const name = `wm_tpl_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: u.toString(), poolSize: 4 });
  await migrateDatabase(database);
  await seedDemo({ db: database.db, cipher, clock: systemClock, files }, { password: DEMO_PASSWORD });
  await database.close();
  return { seededAt, pgliteDump: null, pgTemplate: name, filesDir };
}

/** Drop the run's PostgreSQL template. */
export async function dropDemoTemplate(t: DemoTemplate): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (t.pgTemplate && url) await adminQuery(url, `DROP DATABASE IF EXISTS ${t.pgTemplate} WITH (FORCE)`);
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}
