// Issue 13, hole 6: with NODE_ENV=production the start creates no demo tenant unless asked (WENMING_DEMO=1 or
// `wenming seed-demo`), and a demo created there makes every demo account change its published password first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { prepareDatabase } from '../server';
import { DEMO_PASSWORD, TEST_PII_KEY, createTestDatabase, testEngine } from '../test/harness';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-prod-demo-'));
let drop: (() => Promise<void>) | null = null;
afterAll(async () => {
  await drop?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const production = (extra: Record<string, string>, databaseUrl?: string) =>
  loadConfig({
    NODE_ENV: 'production',
    WENMING_PII_KEY: TEST_PII_KEY,
    WENMING_DATA_DIR: dataDir,
    WENMING_DEMO_PASSWORD: DEMO_PASSWORD,
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...extra,
  });

describe('the demo tenant in production', () => {
  it('is created by default only outside production', () => {
    const dev = loadConfig({ NODE_ENV: 'development', WENMING_DATA_DIR: dataDir });
    expect([dev.seedDemo, dev.demoMustChangePassword]).toEqual([true, false]);
    expect(production({}).seedDemo).toBe(false);
    expect(production({ WENMING_DEMO: '1' }).seedDemo).toBe(true);
    expect(production({ WENMING_DEMO: '1' }).demoMustChangePassword).toBe(true);
    expect(production({ WENMING_DEMO: '1', WENMING_NO_DEMO: '1' }).seedDemo).toBe(false);
  });

  it('is not made by a production start; asked for (or made before), every demo account must change its password first', async () => {
    let url: string | undefined;
    if (testEngine() === 'postgres') {
      // An empty database on the server for the start to migrate (the harness drops it afterwards).
      const created = await createTestDatabase();
      url = created.url;
      drop = created.drop;
    }
    const plain = await prepareDatabase(production({}, url));
    const tenants = await plain.database.query<{ code: string }>(sql`SELECT code FROM tenant`);
    expect(tenants.map((r) => r.code)).not.toContain('demo');
    expect(plain.seeded).toBe(false);
    await plain.database.close();

    const config = production({ WENMING_DEMO: '1' }, url);
    const asked = await prepareDatabase(config);
    expect(asked.seeded).toBe(true);
    const accounts = await asked.database.query<{ username: string; must_change_password: boolean }>(
      sql`SELECT a.username, a.must_change_password FROM account a JOIN tenant t ON t.id = a.tenant_id
        WHERE t.code = 'demo' AND a.is_demo`,
    );
    expect(accounts.length).toBeGreaterThan(5);
    expect(accounts.filter((a) => !a.must_change_password)).toEqual([]);

    const app = await buildApp(config, { database: asked.database, logger: false });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'admin', password: DEMO_PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      expect(login.json().user.mustChangePassword).toBe(true);
      const cookie = `wm_session=${login.cookies.find((c) => c.name === 'wm_session')!.value}`;
      const blocked = await app.inject({ method: 'GET', url: '/api/v1/regions/tree', headers: { cookie } });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    } finally {
      await app.close();
      await asked.database.close();
    }

    // A demo made before (as in development) with its published password: a production start marks it too.
    const opened = await prepareDatabase(production({}, url));
    await opened.database.query(sql`UPDATE account SET must_change_password = false WHERE is_demo`);
    await opened.database.close();
    const again = await prepareDatabase(production({}, url));
    const left = await again.database.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM account WHERE is_demo AND NOT must_change_password`,
    );
    expect(left[0].n).toBe(0);
    await again.database.close();
  }, 300_000);
});
