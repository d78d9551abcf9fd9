import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from './context';
import type { Database, Db } from './db';
import { fail } from './errors';
import { sha256Hex } from './ids';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: IdempotencyKey | null;
  }
  interface FastifyContextConfig {
    /** 'in-write': the route stores its Idempotency-Key answer in its own write transaction (see registerIdempotency). */
    idempotency?: 'in-write';
  }
}

const ANONYMOUS = '00000000-0000-0000-0000-000000000000';
/** A pending record older than this is taken over: its request died before answering. */
const ABANDONED_MS = 30_000;

interface StoredRecord {
  request_hash: string;
  status_code: number | null;
  response: string | null;
}

// Claim the key (a row answered `claimed`), or else answer the record that holds it, in one round trip. The
// record is read with the statement's snapshot: one committed by a concurrent request after it began is
// missing here (no row at all), and read again by READ_SQL.
const CLAIM_SQL = `WITH ins AS (
    INSERT INTO idempotency_record (tenant_id, actor_id, key, request_hash) VALUES ($1, $2, $3, $4)
    ON CONFLICT DO NOTHING RETURNING key)
  SELECT true AS claimed, NULL::text AS request_hash, NULL::int AS status_code, NULL::text AS response FROM ins
  UNION ALL
  SELECT false, r.request_hash, r.status_code, r.response::text FROM idempotency_record r
  WHERE r.tenant_id = $1 AND r.actor_id = $2 AND r.key = $3 AND NOT EXISTS (SELECT 1 FROM ins)`;
const READ_SQL = `SELECT request_hash, status_code, response::text AS response FROM idempotency_record
  WHERE tenant_id = $1 AND actor_id = $2 AND key = $3`;
const STORE_SQL = `UPDATE idempotency_record SET status_code = $4, response = $5::jsonb
  WHERE tenant_id = $1 AND actor_id = $2 AND key = $3`;

/** How long a key is honoured; a resend later than this runs again (as with other APIs' Idempotency-Key). */
export const IDEMPOTENCY_KEEP_MS = 24 * 3600_000;
const PURGE_EVERY_MS = 3600_000;

/** Delete the records older than `keepMs`, a few thousand per statement; answers how many went. */
export async function purgeIdempotencyRecords(db: Db, keepMs = IDEMPOTENCY_KEEP_MS): Promise<number> {
  let total = 0;
  for (;;) {
    const res = await db.execute(sql`WITH gone AS (DELETE FROM idempotency_record WHERE ctid IN (
        SELECT ctid FROM idempotency_record WHERE created_at < now() - make_interval(secs => ${keepMs / 1000})
        LIMIT 5000) RETURNING 1)
      SELECT count(*)::int AS n FROM gone`);
    const n = Number((res.rows[0] as { n: number }).n);
    total += n;
    if (n < 5000) return total;
  }
}

/** What a key is bound to: the route, its parameters and the body as text (JSON, or a multipart's length). */
export function requestHashOf(method: string, routeUrl: string, params: unknown, bodyText: string): string {
  return sha256Hex(`${method} ${routeUrl} ${JSON.stringify(params)} ${bodyText}`);
}

/** A finished record: what a resend is answered with. */
export interface Finished {
  requestHash: string;
  statusCode: number;
  response: string;
}

/**
 * Finished records this process stored, by tenant, actor and key: a resend is answered from here without a
 * round trip. A finished record never changes, so another process can only lack it (and read the database).
 * Insertion order makes the first entry the oldest; past the bound it is dropped.
 */
class FinishedRecords {
  private readonly map = new Map<string, Finished & { at: number }>();
  constructor(
    private readonly max = 20_000,
    private readonly ttlMs = 10 * 60_000,
  ) {}
  get(key: string): Finished | undefined {
    const hit = this.map.get(key);
    if (hit && Date.now() - hit.at > this.ttlMs) this.map.delete(key);
    else return hit;
  }
  set(key: string, record: Finished) {
    this.map.set(key, { ...record, at: Date.now() });
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}

/** A key as a request holds it: whose, which, and the hash of the request it is bound to. */
export interface IdempotencyKey {
  tenantId: string;
  actorId: string;
  key: string;
  requestHash: string;
  /** The route stores the answer in its own write transaction (`config.idempotency: 'in-write'`); nothing is claimed. */
  inWrite?: boolean;
  /** The key was claimed for this request (not in-write): its answer is stored when it is sent. */
  claimed?: boolean;
  /** An in-write route's answer was stored with its write: this process keeps it for resends. */
  settled?: boolean;
}

/** A finished record for the caller's transaction: the answer of an in-write route, stored with its write. */
export interface FinishedAnswer {
  idem: IdempotencyKey;
  statusCode: number;
  response: string;
}

/**
 * Store the answers of in-write routes in the caller's transaction, with the writes they answer; answers the
 * keys that were taken already (by an earlier request with another body: the caller refuses that one, 422).
 */
export async function insertFinishedAnswers(tx: Db, answers: FinishedAnswer[]): Promise<Set<string>> {
  if (!answers.length) return new Set();
  const rows = answers.map((a) => ({
    tenant_id: a.idem.tenantId,
    actor_id: a.idem.actorId,
    key: a.idem.key,
    request_hash: a.idem.requestHash,
    status_code: a.statusCode,
    response: a.response,
  }));
  const res = await tx.execute(sql`INSERT INTO idempotency_record (tenant_id, actor_id, key, request_hash, status_code,
      response)
    SELECT x.tenant_id, x.actor_id, x.key, x.request_hash, x.status_code, x.response::jsonb
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(tenant_id uuid, actor_id uuid, key text,
      request_hash text, status_code int, response text)
    ON CONFLICT DO NOTHING RETURNING key`);
  const stored = new Set(res.rows.map((r: any) => r.key as string));
  return new Set(answers.filter((a) => !stored.has(a.idem.key)).map((a) => a.idem.key));
}

/** A stored record as an answer to replay: null while pending, 422 when it was stored for another request. */
function finishedOf(rec: StoredRecord | undefined, requestHash: string): Finished | null {
  if (rec && rec.request_hash !== requestHash) throw fail('IDEMPOTENCY_KEY_REUSED');
  if (!rec || rec.status_code === null) return null;
  return { requestHash, statusCode: rec.status_code, response: rec.response ?? 'null' };
}

/**
 * For an in-write route whose write was done before: the answer stored with it, or null (stored without a
 * key, or by another route). 422 when the key was stored for another request.
 */
export async function storedAnswer(database: Pick<Database, 'prepared'>, idem: IdempotencyKey) {
  const values = [idem.tenantId, idem.actorId, idem.key];
  return finishedOf((await database.prepared<StoredRecord>('wm_idem_read', READ_SQL, values))[0], idem.requestHash);
}

/** Answer a stored answer as it was first sent. */
export function replayAnswer(reply: FastifyReply, answer: { statusCode: number; response: string }) {
  reply.header('idempotent-replayed', 'true').status(answer.statusCode);
  return reply.type('application/json; charset=utf-8').send(answer.response);
}

/**
 * Idempotency-Key as a platform feature: the first answer to a write is stored and replayed
 * for every resend with the same key; the same key with another body is refused.
 *
 * The key is bound to the request as the client sent it (the body before validation), and a resend this
 * process answered before is replayed before the body is validated. Routes mark themselves
 * `config: { idempotency: 'in-write' }` when their write is idempotent by itself (a client-generated id) and
 * stores its answer in its own transaction (insertFinishedAnswers): for them no key is claimed beforehand
 * and no answer stored afterwards, two round trips and two commits fewer per request.
 */
export function registerIdempotency(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('idempotency', null);
  const finished = new FinishedRecords();
  const cacheKey = (idem: IdempotencyKey) => `${idem.tenantId} ${idem.actorId} ${idem.key}`;
  if (ctx.config.runJobs) {
    // Processes that run jobs also clear expired records, once an hour (each of them: the delete is idempotent).
    const timer = setInterval(() => {
      purgeIdempotencyRecords(ctx.db).catch((err) => app.log.warn({ err }, 'idempotency purge failed'));
    }, PURGE_EVERY_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  }

  app.addHook('preValidation', async (req: FastifyRequest, reply: FastifyReply) => {
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || !key || !['POST', 'PUT', 'PATCH', 'DELETE'].includes(req.method)) return;
    if (key.length > 200)
      throw fail('VALIDATION_FAILED', { fieldKeys: [{ field: 'Idempotency-Key', key: 'too_big' }] });
    const tenantId = req.session?.actor.tenantId;
    if (!tenantId) return;
    const actorId = req.session?.actor.accountId ?? ANONYMOUS;
    const body = req.isMultipart() ? `multipart:${req.headers['content-length']}` : JSON.stringify(req.body ?? null);
    const requestHash = requestHashOf(req.method, req.routeOptions.url ?? req.url, req.params, body);
    const idem: IdempotencyKey = { tenantId, actorId, key, requestHash };
    const known = finished.get(cacheKey(idem));
    if (known) {
      if (known.requestHash !== requestHash) throw fail('IDEMPOTENCY_KEY_REUSED');
      return replayAnswer(reply, known);
    }
    if (req.routeOptions.config?.idempotency === 'in-write') idem.inWrite = true;
    req.idempotency = idem;
  });

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    const idem = req.idempotency;
    if (!idem || idem.inWrite) return;
    const { tenantId, actorId, key, requestHash } = idem;
    // One prepared statement claims the key or, when it is taken, answers the stored record (as text, replayed as is).
    const [claim] = await ctx.database.prepared<StoredRecord & { claimed: boolean }>('wm_idem_claim', CLAIM_SQL, [
      tenantId,
      actorId,
      key,
      requestHash,
    ]);
    if (!claim?.claimed) {
      // Taken by a request that committed after this statement's snapshot: read it now.
      const answer = claim ? finishedOf(claim, requestHash) : await storedAnswer(ctx.database, idem);
      if (answer) return replayAnswer(reply, answer);
      const taken = await ctx.db.execute(sql`UPDATE idempotency_record SET created_at = now()
        WHERE tenant_id = ${tenantId} AND actor_id = ${actorId} AND key = ${key} AND status_code IS NULL
          AND created_at < now() - make_interval(secs => ${ABANDONED_MS / 1000}) RETURNING key`);
      if (taken.rows.length === 0) throw fail('IDEMPOTENCY_IN_PROGRESS');
    }
    idem.claimed = true;
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem || !(idem.inWrite || idem.claimed) || reply.getHeader('idempotent-replayed')) return payload;
    const isJson = String(reply.getHeader('content-type') ?? '').includes('json') && typeof payload === 'string';
    const stored = isJson ? payload : JSON.stringify(null);
    const keep = () =>
      finished.set(cacheKey(idem), { requestHash: idem.requestHash, statusCode: reply.statusCode, response: stored });
    if (idem.inWrite) {
      // The route stored its answer with its write: keep it here for the resends.
      if (idem.settled && reply.statusCode < 300) keep();
      return payload;
    }
    const where = sql`tenant_id = ${idem.tenantId} AND actor_id = ${idem.actorId} AND key = ${idem.key}`;
    if (reply.statusCode >= 500) {
      await ctx.db.execute(sql`DELETE FROM idempotency_record WHERE ${where}`);
    } else {
      await ctx.database.prepared('wm_idem_store', STORE_SQL, [
        idem.tenantId,
        idem.actorId,
        idem.key,
        reply.statusCode,
        stored,
      ]);
      keep();
    }
    return payload;
  });
}
