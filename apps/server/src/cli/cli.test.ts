import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../platform/db';
import { testEngine } from '../test/harness';

const exec = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-cli-'));
const env = { ...process.env, WENMING_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
delete (env as Record<string, unknown>).DATABASE_URL;
const cli = (...args: string[]) =>
  exec('npx', ['tsx', 'apps/server/src/cli.ts', ...args], {
    env,
    cwd: path.resolve(import.meta.dirname, '../../../..'),
  }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }),
  );

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// The CLI is exercised on the embedded engine once, in the PGlite pass; the PostgreSQL pass skips it (same code path).
describe.skipIf(testEngine() === 'postgres')('wenming CLI (embedded database; PGlite pass only)', () => {
  it('import-regions brings 西固区 with its streets and communities', async () => {
    const r = await cli('import-regions', '--tenant', 'xigu', '--root', '620104', '--name', '西固区测试');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/125 of 125 regions imported into tenant xigu/);
    const again = await cli('import-regions', '--tenant', 'xigu', '--root', '620104');
    expect(again.out).toMatch(/0 of 125 regions imported/);
  }, 300_000);

  it('seed-demo, then verify-audit reports an intact chain, then a broken link after tampering', async () => {
    expect((await cli('seed-demo')).code).toBe(0);
    const ok = await cli('verify-audit', '--tenant', 'demo');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/chain intact/);
    const db = await openDatabase({ dataDir: path.join(dataDir, 'db') });
    await db.query(sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
    await db.query(sql`UPDATE audit_event SET actor_name = 'mallory' WHERE seq = 1`);
    await db.close();
    const broken = await cli('verify-audit', '--tenant', 'demo');
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/BROKEN at event #1 \(hash_mismatch\)/);
  }, 300_000); // each CLI call starts tsx; seed-demo builds the whole demo tenant

  it('answers bad usage with the help text and exit 2', async () => {
    const r = await cli('no-such-command');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/import-regions --tenant T --root CODE/);
  });
});
