import { sql } from 'drizzle-orm';
import type { RoleCode, ScopeKind } from '@wenming/contracts';
import type { Actor, Grant } from './access';
import type { Database, Db } from './db';
import { newId, randomToken, sha256Hex } from './ids';

export const SESSION_COOKIE = 'wm_session';

export interface SessionInfo {
  sessionId: string;
  csrfToken: string;
  tenantName: string;
  mustChangePassword: boolean;
  /** The tenant's region version (bumped by every region change): region-tree caches key on it. */
  regionVersion: number;
  grantsView: { id: string; role: RoleCode; kind: ScopeKind; ref: string | null; scopeName: string | null }[];
  actor: Actor;
}

/** Create a session; the cookie value is `tenantId.token` and only the token's hash is stored. */
export async function createSession(
  db: Db,
  tenantId: string,
  accountId: string,
  maxMs: number,
  meta: { ip: string | null; userAgent: string | null; now: Date },
): Promise<{ cookie: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  await db.execute(sql`INSERT INTO session (tenant_id, id, token_hash, account_id, csrf_token, created_at, last_seen_at,
      expires_at, ip, user_agent)
    VALUES (${tenantId}, ${newId()}, ${sha256Hex(token)}, ${accountId}, ${csrfToken}, ${meta.now.toISOString()},
      ${meta.now.toISOString()}, ${new Date(meta.now.getTime() + maxMs).toISOString()}, ${meta.ip},
      ${meta.userAgent?.slice(0, 300) ?? null})`);
  return { cookie: `${tenantId}.${token}`, csrfToken };
}

export function parseSessionCookie(value: string | undefined): { tenantId: string; tokenHash: string } | null {
  if (!value) return null;
  const dot = value.indexOf('.');
  if (dot !== 36) return null;
  const tenantId = value.slice(0, 36);
  if (!/^[0-9a-f-]{36}$/.test(tenantId)) return null;
  return { tenantId, tokenHash: sha256Hex(value.slice(37)) };
}

const touched = new Map<string, number>();

// One statement, prepared once per connection: the session, its account, tenant and grants.
// Scope refs are text; casting the ref (not the id column) keeps the unit and site joins on their keys.
const LOAD_SESSION_SQL = `SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, s.expires_at,
    a.id AS account_id, a.username, a.display_name, a.person_id, a.must_change_password, a.is_disabled,
    t.name AS tenant_name, t.region_version,
    COALESCE((SELECT json_agg(json_build_object('id', ra.id, 'role', ra.role_code, 'kind', ra.scope_kind,
        'ref', ra.scope_ref, 'path', rg.path::text, 'perms', r.permissions,
        'scopeName', COALESCE(rg.name, u.name, ps.name)) ORDER BY ra.created_at)
      FROM role_assignment ra
      JOIN role r ON r.tenant_id = ra.tenant_id AND r.code = ra.role_code
      LEFT JOIN region rg ON ra.scope_kind = 'region' AND rg.tenant_id = ra.tenant_id AND rg.code = ra.scope_ref
      LEFT JOIN unit u ON u.tenant_id = ra.tenant_id
        AND u.id = CASE WHEN ra.scope_kind = 'unit' THEN ra.scope_ref::uuid END
      LEFT JOIN practice_site ps ON ps.tenant_id = ra.tenant_id
        AND ps.id = CASE WHEN ra.scope_kind = 'site' THEN ra.scope_ref::uuid END
      WHERE ra.tenant_id = s.tenant_id AND ra.account_id = a.id), '[]'::json) AS grants
  FROM session s
  JOIN account a ON a.tenant_id = s.tenant_id AND a.id = s.account_id
  JOIN tenant t ON t.id = s.tenant_id
  WHERE s.tenant_id = $1 AND s.token_hash = $2`;

export type SessionLookup = { status: 'ok'; info: SessionInfo } | { status: 'missing' } | { status: 'expired' };

/** One query loads the session, its account, tenant and grants; idle and absolute limits apply. */
export async function loadSession(
  database: Database,
  cookie: string | undefined,
  idleMs: number,
  req: { requestId: string; ip: string | null; now: Date },
): Promise<SessionLookup> {
  const parsed = parseSessionCookie(cookie);
  if (!parsed) return { status: 'missing' };
  const rows = await database.prepared('wm_load_session', LOAD_SESSION_SQL, [parsed.tenantId, parsed.tokenHash]);
  const r = rows[0] as any;
  if (!r) return { status: 'missing' };
  const now = req.now.getTime();
  const lastSeen = new Date(r.last_seen_at).getTime();
  if (r.is_disabled || new Date(r.expires_at).getTime() <= now || now - lastSeen > idleMs) {
    await database.db.execute(sql`DELETE FROM session WHERE tenant_id = ${parsed.tenantId} AND id = ${r.session_id}`);
    touched.delete(r.session_id);
    return { status: 'expired' };
  }
  // Touch at most once a minute per process: a write per request would cost more than the read,
  // and concurrent requests of one session must not queue on its row.
  if (now - lastSeen > 60_000 && now - (touched.get(r.session_id) ?? 0) > 60_000) {
    touched.set(r.session_id, now);
    if (touched.size > 50_000) touched.clear();
    await database.db.execute(
      sql`UPDATE session SET last_seen_at = ${req.now.toISOString()} WHERE tenant_id = ${parsed.tenantId} AND id = ${r.session_id}`,
    );
  }
  const raw = (typeof r.grants === 'string' ? JSON.parse(r.grants) : r.grants) as any[];
  const grants: Grant[] = raw.map((g) => ({
    role: g.role,
    kind: g.kind,
    ref: g.ref,
    regionPath: g.path,
    permissions: new Set<string>(g.perms),
  }));
  return {
    status: 'ok',
    info: {
      sessionId: r.session_id,
      csrfToken: r.csrf_token,
      tenantName: r.tenant_name,
      mustChangePassword: r.must_change_password,
      regionVersion: Number(r.region_version),
      grantsView: raw.map((g) => ({ id: g.id, role: g.role, kind: g.kind, ref: g.ref, scopeName: g.scopeName })),
      actor: {
        tenantId: parsed.tenantId,
        accountId: r.account_id,
        personId: r.person_id,
        username: r.username,
        displayName: r.display_name,
        grants,
        requestId: req.requestId,
        ip: req.ip,
        now: req.now,
      },
    },
  };
}

export async function deleteSession(db: Db, tenantId: string, sessionId: string): Promise<void> {
  await db.execute(sql`DELETE FROM session WHERE tenant_id = ${tenantId} AND id = ${sessionId}`);
}

/** The actor of an account outside a request (jobs acting for the user who started them). */
export async function loadActorForAccount(db: Db, tenantId: string, accountId: string, now: Date): Promise<Actor> {
  const res = await db.execute(sql`SELECT a.id, a.username, a.display_name, a.person_id,
      COALESCE((SELECT json_agg(json_build_object('role', ra.role_code, 'kind', ra.scope_kind, 'ref', ra.scope_ref,
          'path', rg.path::text, 'perms', r.permissions))
        FROM role_assignment ra
        JOIN role r ON r.tenant_id = ra.tenant_id AND r.code = ra.role_code
        LEFT JOIN region rg ON ra.scope_kind = 'region' AND rg.tenant_id = ra.tenant_id AND rg.code = ra.scope_ref
        WHERE ra.tenant_id = a.tenant_id AND ra.account_id = a.id), '[]'::json) AS grants
    FROM account a WHERE a.tenant_id = ${tenantId} AND a.id = ${accountId}`);
  const r = res.rows[0] as any;
  if (!r) throw new Error(`account ${accountId} not found`);
  const raw = (typeof r.grants === 'string' ? JSON.parse(r.grants) : r.grants) as any[];
  return {
    tenantId,
    accountId: r.id,
    personId: r.person_id,
    username: r.username,
    displayName: r.display_name,
    grants: raw.map((g) => ({
      role: g.role,
      kind: g.kind,
      ref: g.ref,
      regionPath: g.path,
      permissions: new Set<string>(g.perms),
    })),
    requestId: null,
    ip: null,
    now,
  };
}
