// Read routing: opted-in read-only routes go to the replica, a session that just wrote reads the primary, and a
// lagging or unreachable replica sends reads back to the primary. On PostgreSQL this runs against a real streaming
// replica (scripts/pg-replica.sh, which .ci/run starts): a paused replay shows a replica read as stale and the lag
// bound taking reads back to the primary.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { type TestApp, createTestApp, testEngine } from '../test/harness';
import { type ReplicaRouter, WROTE_COOKIE, createReplicaRouter, openReplica } from './replica';

type App = Awaited<ReturnType<typeof buildApp>>;

async function appWith(t: TestApp, replica: ReplicaRouter): Promise<App> {
  const app = await buildApp(t.config, { database: t.database, replica, logger: false });
  await app.ready();
  return app;
}

async function signIn(app: App, username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: 'Wenming@2026' },
  });
  const cookie = `wm_session=${res.cookies.find((c) => c.name === 'wm_session')!.value}`;
  return { cookie, csrf: res.json().csrfToken as string };
}

describe('read routing (a stand-in replica whose lag the test sets)', () => {
  let t: TestApp;
  let app: App;
  let lag: number | Error = 0;
  let router: ReplicaRouter;

  beforeAll(async () => {
    t = await createTestApp();
    // The same database stands in for the replica: this part checks the routing, the PostgreSQL part the data.
    router = await createReplicaRouter({ ...t.database, close: async () => {} }, 2, async () => {
      if (lag instanceof Error) throw lag;
      return lag;
    });
    app = await appWith(t, router);
  });
  afterAll(async () => {
    await app?.close();
    await router?.close();
    await t?.close();
  });

  it('serves opted-in reads from the replica, others and writes from the primary', async () => {
    const pub = await app.inject({ url: '/api/v1/public/bulletins' });
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['x-wenming-read']).toBe('replica');
    const admin = await signIn(app, 'admin');
    const screen = await app.inject({ url: '/api/v1/bigscreen', headers: { cookie: admin.cookie } });
    expect(screen.statusCode).toBe(200);
    expect(screen.headers['x-wenming-read']).toBe('replica');
    const me = await app.inject({ url: '/api/v1/me', headers: { cookie: admin.cookie } });
    expect(me.headers['x-wenming-read']).toBeUndefined();
  });

  it('reads your own writes: a session that wrote within the bound reads from the primary', async () => {
    const admin = await signIn(app, 'admin');
    const write = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: { name: '读写分离测试单位', type: 'organ', regionCode: '620302' },
    });
    expect(write.statusCode).toBe(201);
    const stamp = write.cookies.find((c) => c.name === WROTE_COOKIE);
    expect(Number(stamp?.value)).toBeGreaterThan(0);
    const cookie = `${admin.cookie}; ${WROTE_COOKIE}=${stamp!.value}`;
    const after = await app.inject({ url: '/api/v1/org/stats', headers: { cookie } });
    expect(after.headers['x-wenming-read']).toBe('primary');
    // Once the bound and a probe interval have passed, the replica has the write and serves the session again.
    const old = `${admin.cookie}; ${WROTE_COOKIE}=${Date.now() - 3_100}`;
    expect((await app.inject({ url: '/api/v1/org/stats', headers: { cookie: old } })).headers['x-wenming-read']).toBe(
      'replica',
    );
  });

  it('past the lag bound, or with the replica unreachable, reads go back to the primary; /readyz tells', async () => {
    lag = 2.5;
    await router.probe();
    const late = await app.inject({ url: '/api/v1/public/bulletins' });
    expect(late.headers['x-wenming-read']).toBe('primary');
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().replica).toMatchObject({ lagSeconds: 2.5, maxLagSeconds: 2, usable: false });

    lag = new Error('connection refused');
    await router.probe();
    expect((await app.inject({ url: '/api/v1/public/bulletins' })).headers['x-wenming-read']).toBe('primary');
    expect((await app.inject({ url: '/readyz' })).json().replica).toMatchObject({
      lagSeconds: null,
      usable: false,
      error: 'connection refused',
    });

    lag = 0.4;
    await router.probe();
    expect((await app.inject({ url: '/api/v1/public/bulletins' })).headers['x-wenming-read']).toBe('replica');
  });
});

/** The test database's twin on the replica (physical replication copies every database of the cluster). */
function replicaUrlOf(primaryUrl: string): string {
  const base = process.env.TEST_REPLICA_URL ?? 'postgres://postgres@127.0.0.1:5433/postgres';
  const u = new URL(base);
  u.pathname = new URL(primaryUrl).pathname;
  return u.toString();
}

async function waitFor<T>(what: string, fn: () => Promise<T | null>, seconds = 60): Promise<T> {
  for (let i = 0; i < seconds * 10; i++) {
    const v = await fn().catch(() => null);
    if (v !== null) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

if (testEngine() === 'postgres')
  describe('a streaming replica on PostgreSQL', () => {
    let t: TestApp;
    let admin: pg.Client;
    let generous: ReplicaRouter;
    let strict: ReplicaRouter;
    let appGenerous: App;
    let appStrict: App;
    const unitCount = async (app: App, cookie: string) => {
      const res = await app.inject({ url: '/api/v1/org/stats', headers: { cookie } });
      expect(res.statusCode).toBe(200);
      return { total: res.json().units.total as number, read: res.headers['x-wenming-read'] };
    };

    beforeAll(async () => {
      const base = process.env.TEST_REPLICA_URL ?? 'postgres://postgres@127.0.0.1:5433/postgres';
      admin = new pg.Client({ connectionString: base });
      try {
        await admin.connect();
      } catch (err) {
        throw new Error(
          `no read replica at ${base} (${(err as Error).message}): run \`bash scripts/pg-replica.sh\` (.ci/run does)`,
        );
      }
      const standby = await admin.query('SELECT pg_is_in_recovery() AS r');
      if (!standby.rows[0].r) throw new Error(`${base} is not a standby: the replica tests need a streaming replica`);
      t = await createTestApp();
      const url = replicaUrlOf(t.databaseUrl!);
      // Wait until the seeded demo has arrived on the replica.
      await waitFor('the demo tenant on the replica', async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          const r = await c.query('SELECT count(*)::int AS n FROM tenant');
          return r.rows[0].n > 0 ? true : null;
        } finally {
          await c.end();
        }
      });
      generous = await openReplica(url, 4, 600);
      strict = await openReplica(url, 4, 0.5);
      appGenerous = await appWith(t, generous);
      appStrict = await appWith(t, strict);
    });
    afterAll(async () => {
      await admin?.query('SELECT pg_wal_replay_resume()').catch(() => {});
      await admin?.end();
      await appGenerous?.close();
      await appStrict?.close();
      await generous?.close();
      await strict?.close();
      await t?.close();
    });

    it('serves reads from the replica, reads your writes, and falls back past the lag bound', async () => {
      const writer = await signIn(appGenerous, 'admin');
      const reader = await signIn(appGenerous, 'admin');
      await waitFor('the sessions on the replica', async () => {
        const r = await generous.database.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM session`);
        return r[0].n >= 2 ? true : null;
      });
      const before = await unitCount(appGenerous, reader.cookie);
      expect(before.read).toBe('replica');

      await admin.query('SELECT pg_wal_replay_pause()');
      await waitFor('the paused replay', async () => {
        const r = await admin.query(`SELECT pg_get_wal_replay_pause_state() AS s`);
        return r.rows[0].s === 'paused' ? true : null;
      });
      const write = await appGenerous.inject({
        method: 'POST',
        url: '/api/v1/units',
        headers: { cookie: writer.cookie, 'x-csrf-token': writer.csrf },
        payload: { name: '只读副本测试单位', type: 'organ', regionCode: '620302' },
      });
      expect(write.statusCode).toBe(201);
      const stamp = write.cookies.find((c) => c.name === WROTE_COOKIE)!.value;

      // The writer reads its own write from the primary; another session reads the (paused) replica: stale.
      const own = await unitCount(appGenerous, `${writer.cookie}; ${WROTE_COOKIE}=${stamp}`);
      expect(own).toEqual({ total: before.total + 1, read: 'primary' });
      await generous.probe();
      const stale = await unitCount(appGenerous, reader.cookie);
      expect(stale).toEqual({ total: before.total, read: 'replica' });

      // With a bound of half a second, the paused replica is too far behind: reads go to the primary.
      await new Promise((r) => setTimeout(r, 700));
      const status = await strict.probe();
      expect(status.lagSeconds).toBeGreaterThan(0.5);
      expect(status.usable).toBe(false);
      expect(await unitCount(appStrict, reader.cookie)).toEqual({ total: before.total + 1, read: 'primary' });
      const ready = (await appStrict.inject({ url: '/readyz' })).json();
      expect(ready.replica.usable).toBe(false);
      expect(ready.replica.lagSeconds).toBeGreaterThan(0.5);

      // Replay resumes: the replica catches up and serves the new count.
      await admin.query('SELECT pg_wal_replay_resume()');
      await waitFor('the replica to catch up', async () => {
        await strict.probe();
        const c = await unitCount(appStrict, reader.cookie);
        return c.read === 'replica' && c.total === before.total + 1 ? true : null;
      });
    }, 180_000);
  });
