// Reads from a streaming replica. A route opts in with `config: { readReplica: true }` and reads through `req.db`;
// every other route (and every write) keeps the primary. The replica serves a request only when
//  - DATABASE_REPLICA_URL is set and the replica answered the last lag probe,
//  - its replay lag is within DATABASE_REPLICA_MAX_LAG_SECONDS, and
//  - the request's session wrote nothing within that bound plus one probe interval (read-your-writes): a write
//    stamps the `wm_wrote` cookie, so the rule holds across the processes and nodes that share the port.
// A write made longer ago than (bound + probe interval) is on a replica whose lag is within the bound.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { type Database, type Db, openDatabase } from './db';

declare module 'fastify' {
  interface FastifyRequest {
    /** The database this request reads from: the primary, or the replica for an opted-in read-only route. */
    db: Db;
  }
  interface FastifyContextConfig {
    /** A read-only route that may be served from the read replica (read-your-writes and the lag bound apply). */
    readReplica?: boolean;
  }
}

export const WROTE_COOKIE = 'wm_wrote';
const PROBE_INTERVAL_MS = 1000;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface ReplicaStatus {
  /** Seconds the replica's replay is behind (null before the first probe or when the replica is unreachable). */
  lagSeconds: number | null;
  maxLagSeconds: number;
  /** Whether read-only routes are served from the replica right now. */
  usable: boolean;
  error: string | null;
}

export interface ReplicaRouter {
  database: Database;
  status(): ReplicaStatus;
  /** Measure the lag now (the router also does so every second). */
  probe(): Promise<ReplicaStatus>;
  /** Whether a request whose session last wrote at `wroteAt` (ms) may read from the replica now. */
  mayServe(wroteAt: number | null, now: number): boolean;
  pools(): Record<string, pg.Pool>;
  close(): Promise<void>;
}

// receive = replay: the replica has applied everything it was sent, so an idle primary does not read as lag.
const LAG_SQL = sql`SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0
    WHEN pg_last_wal_receive_lsn() IS NOT NULL AND pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()), 0) END::float8 AS lag`;

/** Open the replica and probe its lag every second; the timer does not keep the process alive. */
export async function openReplica(url: string, poolSize: number, maxLagSeconds: number): Promise<ReplicaRouter> {
  const database = await openDatabase({ databaseUrl: url, poolSize });
  return createReplicaRouter(database, maxLagSeconds, async () => {
    const rows = await database.query<{ lag: number }>(LAG_SQL);
    return Number(rows[0]?.lag ?? 0);
  });
}

/** A router over an opened replica and a way to measure its lag in seconds (a throw marks it unreachable). */
export async function createReplicaRouter(
  database: Database,
  maxLagSeconds: number,
  measureLag: () => Promise<number>,
): Promise<ReplicaRouter> {
  let state: ReplicaStatus = { lagSeconds: null, maxLagSeconds, usable: false, error: null };
  const probe = async () => {
    try {
      const lag = Math.max(0, await measureLag());
      state = { lagSeconds: lag, maxLagSeconds, usable: lag <= maxLagSeconds, error: null };
    } catch (err) {
      state = { lagSeconds: null, maxLagSeconds, usable: false, error: (err as Error).message };
    }
    return state;
  };
  await probe();
  let closed = false;
  const timer = setInterval(() => void (closed || probe()), PROBE_INTERVAL_MS);
  timer.unref();
  const windowMs = maxLagSeconds * 1000 + PROBE_INTERVAL_MS;
  return {
    database,
    status: () => state,
    probe,
    mayServe: (wroteAt, now) => state.usable && (wroteAt == null || now - wroteAt > windowMs),
    pools: () =>
      database.pools ? Object.fromEntries(Object.entries(database.pools()).map(([k, v]) => [`replica_${k}`, v])) : {},
    close: async () => {
      closed = true;
      clearInterval(timer);
      await database.close();
    },
  };
}

function wroteAtOf(req: FastifyRequest): number | null {
  const v = Number(req.cookies?.[WROTE_COOKIE]);
  return Number.isFinite(v) && v > 0 ? v : null;
}

/**
 * Give every request its `req.db` (the primary unless the route opted in and the replica may serve it), tell
 * opted-in responses where they were read (`x-wenming-read`), and stamp the write cookie on writes.
 */
export function registerReadRouting(app: FastifyInstance, primary: Db, replica: ReplicaRouter | null): void {
  app.decorateRequest('db', null as unknown as Db);
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    req.db = primary;
    if (!replica || !req.routeOptions.config?.readReplica) return;
    const fromReplica = req.method === 'GET' && replica.mayServe(wroteAtOf(req), Date.now());
    if (fromReplica) req.db = replica.database.db;
    reply.header('x-wenming-read', fromReplica ? 'replica' : 'primary');
  });
  if (!replica) return;
  const maxAge = Math.ceil(replica.status().maxLagSeconds + PROBE_INTERVAL_MS / 1000) + 1;
  app.addHook('onSend', async (req, reply, payload) => {
    if (WRITE_METHODS.has(req.method) && req.url.startsWith('/api/'))
      reply.setCookie(WROTE_COOKIE, String(Date.now()), { path: '/', httpOnly: true, sameSite: 'lax', maxAge });
    return payload;
  });
}
