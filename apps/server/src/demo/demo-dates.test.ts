// The demo must be complete on any day: it is seeded here on dates spread over four years (month starts and ends,
// 29 February, year ends, just after midnight and just before it in Beijing), each into its own tenant of one
// database, on the engine of the run (PGlite, or PostgreSQL under WENMING_TEST_ENGINE=postgres). A failed seed
// must leave nothing behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settableClock } from '../platform/clock';
import { createPiiCipher } from '../platform/crypto';
import type { Database } from '../platform/db';
import { createFileStore } from '../platform/files';
import { rows } from '../platform/sql';
import { DEMO_PASSWORD, TEST_PII_KEY, createTestDatabase } from '../test/harness';
import { demoCompleteness } from './demo-completeness';
import { DemoSeedError, resetDemo, seedDemo } from './seed-demo';

const dates = [
  '2025-01-01T00:05:00+08:00', // a year starts, just after midnight in Beijing (still 2024 in UTC)
  '2025-02-28T23:55:00+08:00', // the last day of a short February, just before midnight
  '2025-12-31T23:59:00+08:00', // a year ends
  '2026-03-01T08:00:00+08:00', // a month starts
  '2026-12-06T10:00:00+08:00', // the day the demo first broke
  '2027-01-15T12:00:00+08:00',
  '2027-06-30T18:00:00+08:00', // a month ends
  '2028-02-29T09:00:00+08:00', // a leap day
  '2028-03-31T22:00:00+08:00', // a month ends after a leap February
];

let database: Database;
let drop: () => Promise<void>;
let dataDir: string;
const cipher = createPiiCipher(Buffer.from(TEST_PII_KEY, 'base64'));

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-demo-dates-'));
});
afterAll(async () => {
  await drop?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const depsAt = (at: string) => ({
  db: database.db,
  cipher,
  clock: settableClock(at),
  files: createFileStore(path.join(dataDir, 'files'), 20 * 1024 * 1024),
});

describe('the demo tenant on any date', () => {
  for (const [i, at] of dates.entries()) {
    it(`is complete when seeded at ${at}`, { timeout: 300_000 }, async () => {
      const { created, tenantId } = await seedDemo(depsAt(at), { password: DEMO_PASSWORD, code: `demo-${i}` });
      expect(created).toBe(true);
      const c = await demoCompleteness(database.db, tenantId, new Date(at));
      expect(c.missing).toEqual([]);
    });
  }

  it('leaves nothing behind when a step fails, and names the step', { timeout: 300_000 }, async () => {
    const before = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM tenant`);
    // A clock that fails after a few reads: the organisation is written by then, and a later step fails.
    let reads = 0;
    const failing = {
      ...depsAt(dates[0]),
      clock: {
        now: () => {
          reads += 1;
          if (reads > 3) throw new Error('clock unavailable');
          return new Date(dates[0]);
        },
      },
    };
    const err = await seedDemo(failing, { password: DEMO_PASSWORD, code: 'demo-broken' }).catch((e) => e);
    expect(err).toBeInstanceOf(DemoSeedError);
    expect(err.step).not.toBe('organisation');
    expect(err.message).toMatch(/demo seed failed at "[a-z ]+": clock unavailable/);
    const after = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM tenant`);
    expect(after[0].n).toBe(before[0].n);
    const left = await rows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM region r WHERE NOT EXISTS (SELECT 1 FROM tenant t WHERE t.id = r.tenant_id)`,
    );
    expect(left[0].n).toBe(0);
  });

  it('is recreated by a reset, audit chain and time bank included', { timeout: 300_000 }, async () => {
    const first = await seedDemo(depsAt(dates[4]), { password: DEMO_PASSWORD, code: 'demo-reset' });
    const again = await resetDemo(depsAt(dates[5]), { password: DEMO_PASSWORD, code: 'demo-reset' });
    expect(again.tenantId).not.toBe(first.tenantId);
    const orphans = await rows<{ n: number }>(
      database.db,
      sql`SELECT (SELECT count(*) FROM audit_event WHERE tenant_id = ${first.tenantId})
        + (SELECT count(*) FROM timebank_entry WHERE tenant_id = ${first.tenantId})
        + (SELECT count(*) FROM problem WHERE tenant_id = ${first.tenantId}) AS n`,
    );
    expect(Number(orphans[0].n)).toBe(0);
    const c = await demoCompleteness(database.db, again.tenantId, new Date(dates[5]));
    expect(c.missing).toEqual([]);
  });
});
