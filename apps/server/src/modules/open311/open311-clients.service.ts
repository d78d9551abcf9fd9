// Open311 clients and their API keys: issued by an office admin, shown once, stored as a SHA-256 hash (the keys
// are long random strings, so a fast hash is enough and keeps every request's lookup cheap), revocable, audited.
import { sqlTime } from '../../platform/sql';
import type { Open311ClientBody, Open311ClientView } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requireCityScope, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId, randomToken, sha256Hex } from '../../platform/ids';
import { isoOrNull } from '../../platform/clock';

/** What is stored of a key. */
export const hashApiKey = (key: string) => sha256Hex(key);

function toClientView(r: any): Open311ClientView {
  return {
    id: r.id,
    name: r.name,
    contact: r.contact,
    keyPrefix: r.key_prefix,
    createdAt: isoOrNull(r.created_at)!,
    revokedAt: isoOrNull(r.revoked_at),
    lastUsedAt: isoOrNull(r.last_used_at),
  };
}

const columns = sql`id, name, contact, key_prefix, created_at, revoked_at, last_used_at`;

/** Issue a client with a new key; the key is in this answer only. */
export async function createOpen311Client(
  db: Db,
  actor: Actor,
  body: Open311ClientBody,
): Promise<{ client: Open311ClientView; apiKey: string }> {
  requireCityScope(actor, 'open311.manage');
  const id = newId();
  const apiKey = `wm311_${randomToken(24)}`;
  const keyPrefix = apiKey.slice(0, 10);
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO open311_client (tenant_id, id, name, contact, key_hash, key_prefix, created_by)
      VALUES (${actor.tenantId}, ${id}, ${body.name}, ${body.contact ?? null}, ${hashApiKey(apiKey)}, ${keyPrefix},
        ${actor.accountId})`);
    await writeAudit(tx, actor, {
      action: 'open311.client.create',
      objectType: 'open311_client',
      objectId: id,
      after: { name: body.name, contact: body.contact ?? null, keyPrefix },
    });
  });
  return { client: await getOpen311Client(db, actor, id), apiKey };
}

/** One client of the tenant; 404 when there is none. */
export async function getOpen311Client(db: Db, actor: Actor, id: string): Promise<Open311ClientView> {
  requirePermission(actor, 'open311.manage');
  const res = await db.execute(
    sql`SELECT ${columns} FROM open311_client WHERE tenant_id = ${actor.tenantId} AND id = ${id}`,
  );
  if (!res.rows[0]) throw fail('OPEN311_CLIENT_NOT_FOUND');
  return toClientView(res.rows[0]);
}

/** The tenant's clients, newest first, revoked ones included. */
export async function listOpen311Clients(db: Db, actor: Actor): Promise<Open311ClientView[]> {
  requirePermission(actor, 'open311.manage');
  const res = await db.execute(
    sql`SELECT ${columns} FROM open311_client WHERE tenant_id = ${actor.tenantId} ORDER BY created_at DESC, id DESC`,
  );
  return res.rows.map(toClientView);
}

/** Revoke a client's key for good; audited. A second revoke is a 409. */
export async function revokeOpen311Client(db: Db, actor: Actor, id: string): Promise<Open311ClientView> {
  requireCityScope(actor, 'open311.manage');
  const before = await getOpen311Client(db, actor, id);
  if (before.revokedAt) throw fail('OPEN311_CLIENT_REVOKED');
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`UPDATE open311_client SET revoked_at = ${sqlTime(actor.now)} WHERE tenant_id = ${actor.tenantId} AND id = ${id}`,
    );
    await writeAudit(tx, actor, {
      action: 'open311.client.revoke',
      objectType: 'open311_client',
      objectId: id,
      before: { name: before.name, keyPrefix: before.keyPrefix },
    });
  });
  return getOpen311Client(db, actor, id);
}

/** The active client holding a key in a tenant, or null. */
export async function findClientByKey(
  db: Db,
  tenantId: string,
  key: string,
): Promise<{ id: string; name: string } | null> {
  const res = await db.execute(sql`SELECT id, name FROM open311_client
    WHERE tenant_id = ${tenantId} AND key_hash = ${hashApiKey(key)} AND revoked_at IS NULL`);
  return (res.rows[0] as { id: string; name: string } | undefined) ?? null;
}

/** Note that a client used its key (writes only, to keep reads free of writes). */
export async function touchClient(db: Db, tenantId: string, clientId: string, now: Date): Promise<void> {
  await db.execute(
    sql`UPDATE open311_client SET last_used_at = ${sqlTime(now)} WHERE tenant_id = ${tenantId} AND id = ${clientId}`,
  );
}
