// Backup and restore of the demo on the engine under test: back it up, wipe it, restore it, and find every
// table's rows, the audit chain and a photo's bytes as they were.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { verifyAuditChain } from '../platform/audit';
import { type Database, openDatabase } from '../platform/db';
import { newId } from '../platform/ids';
import { DEMO_PASSWORD, TEST_PII_KEY, type TestApp, createTestApp, testEngine } from '../test/harness';
import { BackupError, backupTo, findTool, restoreFrom } from './backup';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001',
  'hex',
);

function multipart(bytes: Buffer, id: string) {
  const b = '----wenming-backup';
  const payload = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="id"\r\n\r\n${id}\r\n`),
    Buffer.from(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

/** Rows of every table in the public and drizzle schemas. */
async function rowCounts(database: Database): Promise<Record<string, number>> {
  const tables = await database.query<{ name: string }>(sql`SELECT schemaname || '.' || tablename AS name
    FROM pg_tables WHERE schemaname IN ('public', 'drizzle') ORDER BY 1`);
  const out: Record<string, number> = {};
  for (const t of tables) {
    const [r] = await database.query<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${t.name}`));
    out[t.name] = r.n;
  }
  return out;
}

async function recreateDatabase(url: string) {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  await c.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
}

describe(`backup and restore (${testEngine()})`, () => {
  let t: TestApp;
  let env: Record<string, string>;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-bk-')), 'demo.wmbackup');
  const photoId = newId();
  let photoSha = '';
  let before: Record<string, number>;
  let auditEvents = 0;

  beforeAll(async () => {
    t = await createTestApp({}, { pgliteOnDisk: true });
    env = {
      NODE_ENV: 'test',
      WENMING_DATA_DIR: t.dataDir,
      WENMING_PII_KEY: TEST_PII_KEY,
      LOG_LEVEL: 'silent',
      ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}),
    };
    const s = await t.login('inspector');
    expect((await s.inject({ method: 'POST', url: '/api/v1/files', ...multipart(PNG, photoId) })).statusCode).toBe(201);
    const photo = await s.inject({ url: `/api/v1/files/${photoId}` });
    photoSha = crypto.createHash('sha256').update(photo.rawPayload).digest('hex');
    before = await rowCounts(t.database);
    const chain = await verifyAuditChain(t.database.db, t.tenantId);
    expect(chain.ok).toBe(true);
    auditEvents = chain.checked;
    await t.app.close();
    // PGlite is copied while no process has it open.
    if (t.database.engine === 'pglite') await t.database.close();
  });

  afterAll(async () => {
    if (t?.databaseUrl) await recreateDatabase(t.databaseUrl).catch(() => {});
    await t?.close().catch(() => {});
  });

  it('names a missing tool', () => {
    expect(() => findTool('pg_dump', '')).toThrow(/pg_dump not found on PATH.*postgresql-client/);
  });

  if (testEngine() === 'pglite')
    it('refuses to copy PGlite while a process has it open', async () => {
      // Another living process (here: the test runner's parent) holds the lock.
      const lock = path.join(t.dataDir, 'db.lock');
      fs.writeFileSync(lock, String(process.ppid));
      try {
        await expect(backupTo(loadConfig(env), file)).rejects.toThrow(
          /is open in process .* stop it before the backup/,
        );
      } finally {
        fs.rmSync(lock);
      }
    });

  it('backs up, wipes, restores: same rows per table, an intact audit chain, the same photo bytes', async () => {
    const config = loadConfig(env);
    const manifest = await backupTo(config, file);
    expect(manifest.engine).toBe(testEngine());
    expect(manifest.files).toBeGreaterThanOrEqual(1);
    expect(manifest.keyFingerprint).toMatch(/^[0-9a-f]{16}$/);

    // Wipe the database and the file store.
    if (t.databaseUrl) await recreateDatabase(t.databaseUrl);
    else fs.rmSync(path.join(t.dataDir, 'db'), { recursive: true });
    fs.rmSync(path.join(t.dataDir, 'files'), { recursive: true });

    // Another key is refused: it could not read the personal data in the backup.
    const otherKey = loadConfig({ ...env, WENMING_PII_KEY: Buffer.alloc(32, 9).toString('base64') });
    await expect(restoreFrom(otherKey, file)).rejects.toThrow(BackupError);
    await restoreFrom(config, file);
    // Restoring again over the restored data needs --force.
    await expect(restoreFrom(config, file)).rejects.toThrow(/not empty/);

    const database = await openDatabase({
      databaseUrl: t.databaseUrl ?? null,
      dataDir: t.databaseUrl ? null : path.join(t.dataDir, 'db'),
    });
    try {
      expect(await rowCounts(database)).toEqual(before);
      const chain = await verifyAuditChain(database.db, t.tenantId);
      expect(chain).toMatchObject({ ok: true, checked: auditEvents });
      const app = await buildApp(config, { database, logger: false });
      try {
        const login = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'inspector', password: DEMO_PASSWORD },
        });
        const cookie = login.cookies.find((c) => c.name === 'wm_session')!;
        const photo = await app.inject({
          url: `/api/v1/files/${photoId}`,
          headers: { cookie: `wm_session=${cookie.value}` },
        });
        expect(photo.statusCode).toBe(200);
        expect(crypto.createHash('sha256').update(photo.rawPayload).digest('hex')).toBe(photoSha);
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  }, 180_000);
});
