// Audit events of many submissions appended to the tenant's chain in two statements. The events are
// chained and hashed exactly as the platform's writeAudit does (its hashEvent), so verifyAuditChain checks them.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import { type AuditInput, type ChainFields, GENESIS_HASH, hashEvent } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { newId } from '../../platform/ids';

/** The value as jsonb gives it back (undefined dropped, dates as strings). */
const asJson = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/**
 * Append events of one tenant, in order, inside the caller's transaction: the head row is locked once,
 * the chain extended in memory, the events inserted in one statement, the head moved once.
 */
export async function appendAuditEvents(tx: Db, events: { actor: Actor; input: AuditInput }[]): Promise<void> {
  if (!events.length) return;
  const tenantId = events[0].actor.tenantId;
  const head =
    await tx.execute(sql`INSERT INTO audit_head (tenant_id, seq, hash) VALUES (${tenantId}, 0, ${GENESIS_HASH})
    ON CONFLICT (tenant_id) DO UPDATE SET seq = audit_head.seq RETURNING seq, hash`);
  let { seq, hash } = head.rows[0] as { seq: number; hash: string };
  seq = Number(seq);
  const rows = events.map(({ actor, input }) => {
    const fields: ChainFields = {
      ...{ tenantId, seq: ++seq, id: newId(), at: actor.now.toISOString() },
      ...{ actorId: actor.accountId, actorName: actor.username, action: input.action, objectType: input.objectType },
      ...{ objectId: input.objectId ?? null, before: asJson(input.before), after: asJson(input.after) },
      ...{ requestId: actor.requestId, ip: actor.ip, prevHash: hash },
    };
    hash = hashEvent(fields);
    return { ...fields, hash };
  });
  // The events and the moved head in one statement.
  await tx.execute(sql`WITH ev AS (INSERT INTO audit_event (tenant_id, seq, id, at, actor_id, actor_name, action, object_type,
      object_id, before, after, request_id, ip, prev_hash, hash)
    SELECT ${tenantId}, x."seq", x."id", x."at", x."actorId", x."actorName", x."action", x."objectType", x."objectId",
      x."before", x."after", x."requestId", x."ip", x."prevHash", x."hash"
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x("seq" bigint, "id" uuid, "at" timestamptz,
      "actorId" uuid, "actorName" text, "action" text, "objectType" text, "objectId" text, "before" jsonb,
      "after" jsonb, "requestId" text, "ip" text, "prevHash" text, "hash" text) RETURNING 1)
    UPDATE audit_head SET seq = ${seq}, hash = ${hash} WHERE tenant_id = ${tenantId} AND (SELECT count(*) FROM ev) > 0`);
}
