// Who may see and run selections: the office within its region scope; nominators and voters see the campaigns open
// to the public (nomination, voting, 公示, named).
import { publicSelectionStages } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, can, hasCityScope, scopeFilter } from '../../platform/access';
import type { Db } from '../../platform/db';
import { forbidden, invalidFields } from '../../platform/errors';
import { maybeOne } from '../../platform/sql';

type OfficePermission = 'selection.read' | 'selection.manage';

/** Campaigns (alias `sc`) in the actor's region scope for an office permission. */
export const campaignScope = (actor: Actor, permission: OfficePermission) =>
  scopeFilter(actor, permission, { regionCode: sql`sc.region_code` });

/** True (SQL, over `sc`) where the actor sees a campaign as its office: every candidate, phones masked. */
export const officeView = (actor: Actor): SQL =>
  can(actor, 'selection.read') ? campaignScope(actor, 'selection.read') : sql`false`;

/** Campaigns the actor may see; 403 for an actor with no selection permission at all. */
export function campaignVisible(actor: Actor): SQL {
  const parts: SQL[] = [];
  if (can(actor, 'selection.read')) parts.push(campaignScope(actor, 'selection.read'));
  if (can(actor, 'selection.vote') || can(actor, 'selection.nominate'))
    parts.push(sql`sc.stage = ANY(${sql.param([...publicSelectionStages])}::text[])`);
  if (!parts.length) throw forbidden();
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** The organiser's region: the one given (in the actor's manage scope), else the tenant's top or the grant's region. */
export async function organiserRegion(db: Db, actor: Actor, given: string | null | undefined): Promise<string> {
  if (given) {
    const r = await maybeOne<{ code: string }>(
      db,
      sql`SELECT r.code FROM region r WHERE r.tenant_id = ${actor.tenantId} AND r.code = ${given}
        AND r.status = 'active' AND ${scopeFilter(actor, 'selection.manage', { regionCode: sql`r.code` })}`,
    );
    if (!r) throw invalidFields([{ field: 'regionCode', key: 'unknown_region' }]);
    return r.code;
  }
  if (!hasCityScope(actor, 'selection.manage')) {
    const grant = actor.grants.find(
      (g) => g.kind === 'region' && (g.permissions.has('selection.manage') || g.permissions.has('*')),
    );
    if (grant?.ref) return grant.ref;
  }
  const top = await maybeOne<{ code: string }>(
    db,
    sql`SELECT code FROM region WHERE tenant_id = ${actor.tenantId} AND parent_code IS NULL ORDER BY code LIMIT 1`,
  );
  if (!top) throw invalidFields([{ field: 'regionCode', key: 'unknown_region' }]);
  return top.code;
}

/** 400 naming `field` unless every file exists in the tenant and is the actor's own upload. */
export async function assertOwnFiles(db: Db, actor: Actor, fileIds: string[], field: string): Promise<void> {
  if (!fileIds.length) return;
  const found = await maybeOne<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM file WHERE tenant_id = ${actor.tenantId}
      AND id = ANY(${sql.param(fileIds)}::uuid[]) AND (uploaded_by = ${actor.accountId} OR ${can(actor, 'file.read')})`,
  );
  if (Number(found?.n ?? 0) !== new Set(fileIds).size) throw invalidFields([{ field, key: 'unknown_file' }]);
}
