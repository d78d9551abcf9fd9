import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness';
import type { Database } from './db';
import { systemClock } from './clock';
import { JobFailure, backoffSeconds, createJobQueue } from './jobs';
import { createTenant } from '../modules/org/tenant.service';

let database: Database;
let drop: () => Promise<void>;
let tenantId: string;
const log = { error: () => {} };
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  tenantId = (await createTenant(database.db, { code: 'jobs', name: 'jobs' })).id;
});
afterAll(() => drop?.());

const status = async (id: string) =>
  (
    await database.query<{ status: string; attempts: number; run_at: Date; result: any }>(
      sql`SELECT status, attempts, run_at, result FROM job WHERE id = ${id}`,
    )
  )[0];

describe('job queue', () => {
  it('runs a job, stores its result and progress', async () => {
    const q = createJobQueue(database.db, log, systemClock);
    q.register('echo', async (job, h) => {
      await h.progress(1, 2);
      return { echoed: job.payload.x };
    });
    const id = await q.enqueue(database.db, tenantId, 'echo', { x: 42 });
    expect(await q.runOne()).toBe(true);
    const view = await q.get(database.db, tenantId, id);
    expect(view.status).toBe('done');
    expect(view.result).toEqual({ echoed: 42 });
    expect(view.progressTotal).toBe(2);
  });

  it('retries a failing job with backoff and fails it after max attempts', async () => {
    const q = createJobQueue(database.db, log, systemClock);
    let calls = 0;
    q.register('flaky', async () => {
      calls++;
      throw new Error('boom');
    });
    const id = await q.enqueue(database.db, tenantId, 'flaky', {}, { maxAttempts: 2 });
    await q.runOne();
    let s = await status(id);
    expect(s.status).toBe('queued');
    expect(new Date(s.run_at).getTime()).toBeGreaterThan(Date.now());
    expect(await q.runOne()).toBe(false); // not due yet
    await database.query(sql`UPDATE job SET run_at = now() WHERE id = ${id}`);
    await q.runOne();
    s = await status(id);
    expect(s.status).toBe('failed');
    expect(calls).toBe(2);
    expect(backoffSeconds(1)).toBe(2);
    expect(backoffSeconds(20)).toBe(600);
  });

  it('fails at once on JobFailure, keeping its result', async () => {
    const q = createJobQueue(database.db, log, systemClock);
    q.register('bad-input', async () => {
      throw new JobFailure('IMPORT_FAILED', { rows: [{ row: 3, message: 'x' }] });
    });
    const id = await q.enqueue(database.db, tenantId, 'bad-input', {});
    await q.runOne();
    const s = await status(id);
    expect(s.status).toBe('failed');
    expect(s.result).toEqual({ rows: [{ row: 3, message: 'x' }] });
  });

  it('survives a restart: a job left running by a dead worker is taken over when its lease ends', async () => {
    const dead = createJobQueue(database.db, log, systemClock);
    dead.register('slow', async () => new Promise(() => {})); // never finishes: the process "dies"
    const id = await dead.enqueue(database.db, tenantId, 'slow', {});
    void dead.runOne();
    await new Promise((r) => setTimeout(r, 100));
    expect((await status(id)).status).toBe('running');
    const fresh = createJobQueue(database.db, log, systemClock);
    fresh.register('slow', async () => 'finished');
    expect(await fresh.runOne()).toBe(false); // lease still held
    await database.query(sql`UPDATE job SET locked_until = now() - interval '1 second' WHERE id = ${id}`);
    expect(await fresh.runOne()).toBe(true);
    expect((await status(id)).status).toBe('done');
  });

  it('gives each job to one worker even when several claim at once', async () => {
    const ran: string[] = [];
    const workers = Array.from({ length: 4 }, (_, i) => {
      const q = createJobQueue(database.db, log, systemClock);
      q.register('once', async (job) => {
        ran.push(`${job.id}:${i}`);
      });
      return q;
    });
    const ids = await Promise.all(
      Array.from({ length: 10 }, () => workers[0].enqueue(database.db, tenantId, 'once', {})),
    );
    await Promise.all(workers.map((w) => w.drain()));
    const perJob = ids.map((id) => ran.filter((r) => r.startsWith(id)).length);
    expect(perJob).toEqual(ids.map(() => 1));
  });
});
