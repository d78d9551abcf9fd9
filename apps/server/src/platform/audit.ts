import { sql } from 'drizzle-orm';
import type { Db } from './db';
import type { Actor } from './access';
import { newId, sha256Hex } from './ids';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  action: string;
  objectType: string;
  objectId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** JSON with sorted keys, so that the hash survives a jsonb round trip. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ChainFields {
  tenantId: string;
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  prevHash: string;
}

export function hashEvent(e: ChainFields): string {
  return sha256Hex(canonicalJson(e));
}

/** Normalise a value the way jsonb will give it back (drops undefined, Dates → strings). */
function toJsonValue(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

/**
 * Append one event to the tenant's chain inside the caller's transaction, so the event
 * commits or rolls back with the change it records. The head row serialises appenders.
 */
export async function writeAudit(tx: Db, actor: Actor, input: AuditInput): Promise<void> {
  const head = await tx.execute(
    sql`INSERT INTO audit_head (tenant_id, seq, hash) VALUES (${actor.tenantId}, 0, ${GENESIS_HASH})
        ON CONFLICT (tenant_id) DO UPDATE SET seq = audit_head.seq RETURNING seq, hash`,
  );
  const prev = head.rows[0] as { seq: number; hash: string };
  const fields: ChainFields = {
    tenantId: actor.tenantId,
    seq: Number(prev.seq) + 1,
    id: newId(),
    at: actor.now.toISOString(),
    actorId: actor.accountId,
    actorName: actor.username,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId ?? null,
    before: toJsonValue(input.before),
    after: toJsonValue(input.after),
    requestId: actor.requestId,
    ip: actor.ip,
    prevHash: prev.hash,
  };
  const hash = hashEvent(fields);
  // The event and the moved head in one statement: the head stays locked for two round trips, not three.
  await tx.execute(sql`WITH ev AS (INSERT INTO audit_event
    (tenant_id, seq, id, at, actor_id, actor_name, action, object_type, object_id, before, after, request_id, ip, prev_hash, hash)
    VALUES (${fields.tenantId}, ${fields.seq}, ${fields.id}, ${fields.at}, ${fields.actorId}, ${fields.actorName},
      ${fields.action}, ${fields.objectType}, ${fields.objectId}, ${JSON.stringify(fields.before)}::jsonb,
      ${JSON.stringify(fields.after)}::jsonb, ${fields.requestId}, ${fields.ip}, ${fields.prevHash}, ${hash}) RETURNING seq)
    UPDATE audit_head SET seq = (SELECT seq FROM ev), hash = ${hash} WHERE tenant_id = ${actor.tenantId}`);
}

/**
 * Record that the actor took records out of the system as a file (an Excel export carries names, masked ID
 * numbers and phones): action `<objectType>.export`, the filters used and the row count, in a transaction of
 * its own on the primary (exports read from a replica).
 */
export async function auditExport(
  db: Db,
  actor: Actor,
  input: { objectType: string; filters: unknown; rows: number; fileId?: string | null },
): Promise<void> {
  await db.transaction((tx) =>
    writeAudit(tx, actor, {
      action: `${input.objectType}.export`,
      objectType: input.fileId ? 'file' : input.objectType,
      objectId: input.fileId ?? null,
      after: { format: 'xlsx', filters: input.filters ?? {}, rows: input.rows },
    }),
  );
}

export interface VerifyResult {
  tenantId: string;
  checked: number;
  ok: boolean;
  /** The first broken link: the event whose stored hash or previous hash does not match. */
  brokenAt?: { seq: number; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap' | 'head_mismatch' };
  /** Events up to this seq were archived (their months detached); the walk started from the anchor after them. */
  archivedThrough?: number;
}

/**
 * Walk a tenant's chain in order and report the first broken link. When old months were detached, the walk
 * starts from the anchor they left (the last archived event's seq and hash) instead of the genesis hash.
 */
export async function verifyAuditChain(db: Db, tenantId: string, batch = 5000): Promise<VerifyResult> {
  const anchor = (await db.execute(sql`SELECT seq, hash FROM audit_anchor WHERE tenant_id = ${tenantId}`)).rows[0] as
    | { seq: number; hash: string }
    | undefined;
  let prevHash = anchor?.hash ?? GENESIS_HASH;
  let expectSeq = anchor ? Number(anchor.seq) + 1 : 1;
  const archived = anchor ? { archivedThrough: Number(anchor.seq) } : {};
  let checked = 0;
  for (;;) {
    const res = await db.execute(sql`SELECT tenant_id, seq, id, at, actor_id, actor_name, action, object_type,
      object_id, before, after, request_id, ip, prev_hash, hash FROM audit_event
      WHERE tenant_id = ${tenantId} AND seq >= ${expectSeq} ORDER BY seq LIMIT ${batch}`);
    const rows = res.rows as Record<string, any>[];
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expectSeq)
        return { tenantId, checked, ok: false, brokenAt: { seq: expectSeq, reason: 'gap' }, ...archived };
      if (r.prev_hash !== prevHash)
        return { tenantId, checked, ok: false, brokenAt: { seq, reason: 'prev_hash_mismatch' }, ...archived };
      const fields: ChainFields = {
        tenantId: r.tenant_id,
        seq,
        id: r.id,
        at: new Date(r.at).toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        before: typeof r.before === 'string' ? JSON.parse(r.before) : r.before,
        after: typeof r.after === 'string' ? JSON.parse(r.after) : r.after,
        requestId: r.request_id,
        ip: r.ip,
        prevHash: r.prev_hash,
      };
      if (hashEvent(fields) !== r.hash)
        return { tenantId, checked, ok: false, brokenAt: { seq, reason: 'hash_mismatch' }, ...archived };
      prevHash = r.hash;
      expectSeq = seq + 1;
      checked++;
    }
    if (rows.length < batch) break;
  }
  const head = await db.execute(sql`SELECT seq, hash FROM audit_head WHERE tenant_id = ${tenantId}`);
  const h = head.rows[0] as { seq: number; hash: string } | undefined;
  if (h && (Number(h.seq) !== expectSeq - 1 || h.hash !== prevHash))
    return { tenantId, checked, ok: false, brokenAt: { seq: expectSeq, reason: 'head_mismatch' }, ...archived };
  return { tenantId, checked, ok: true, ...archived };
}
