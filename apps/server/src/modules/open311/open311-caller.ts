// Who calls an Open311 route: the jurisdiction (tenant) it names or the default one, and the client whose api_key
// it carries. Parameters come from the query string or the form body; repeated ones keep every value.
import { sql } from 'drizzle-orm';
import { type Actor, systemActor } from '../../platform/access';
import type { AppContext } from '../../platform/context';
import { findClientByKey } from './open311-clients.service';
import { Open311Error } from './open311-format';

export type Open311Params = Record<string, string | string[] | undefined>;

export interface Open311Caller {
  tenantId: string;
  tenantName: string;
  client: { id: string; name: string } | null;
  ip: string | null;
  requestId: string | null;
  /** The request's time on the app's clock. */
  now: Date;
}

/** The first value of a parameter, trimmed; empty counts as absent. */
export function param(p: Open311Params, name: string): string | undefined {
  const v = p[name];
  const first = Array.isArray(v) ? v[0] : v;
  const t = first?.trim();
  return t ? t : undefined;
}

/** A form body or query string as parameters, repeated names gathered into arrays. */
export function parseForm(text: string): Open311Params {
  const out: Open311Params = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** The jurisdiction and client of a request; 404 for an unknown jurisdiction_id, 403 for a bad or missing key. */
export async function resolveCaller(
  ctx: AppContext,
  p: Open311Params,
  meta: { ip: string | null; requestId: string | null; requireKey: boolean; action: string },
): Promise<Open311Caller> {
  const code = param(p, 'jurisdiction_id') ?? ctx.config.defaultTenant;
  const res = await ctx.db.execute(sql`SELECT id, name FROM tenant WHERE code = ${code}`);
  const tenant = res.rows[0] as { id: string; name: string } | undefined;
  if (!tenant) throw new Open311Error(404, `jurisdiction_id ${code} not found`);
  const key = param(p, 'api_key');
  const client = key ? await findClientByKey(ctx.db, tenant.id, key) : null;
  if (key && !client) throw new Open311Error(403, `Invalid api_key received -- can't proceed with ${meta.action}.`);
  if (meta.requireKey && !client) throw new Open311Error(403, `api_key is required to ${meta.action}.`);
  return {
    tenantId: tenant.id,
    tenantName: tenant.name,
    client,
    ip: meta.ip,
    requestId: meta.requestId,
    now: ctx.clock.now(),
  };
}

/** The actor writes of a client are recorded as (audit shows `open311:<client>`). */
export function clientActor(caller: Open311Caller): Actor {
  const name = caller.client?.name ?? 'anonymous';
  return {
    ...systemActor(caller.tenantId, `open311:${name}`, caller.now),
    displayName: name,
    ip: caller.ip,
    requestId: caller.requestId,
  };
}

/** Without a key a caller sees what the public reported (residents, Open311); a client sees the whole list. */
export const visibleToCaller = (caller: Open311Caller) =>
  caller.client ? sql`true` : sql`p.source IN ('resident', 'open311')`;
