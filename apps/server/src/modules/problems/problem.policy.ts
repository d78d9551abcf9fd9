// Who may see and act on which problems: scope filters over the problem row `p`, written as index ranges.
import type { Permission } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, can, grantsFor } from '../../platform/access';
import type { Db } from '../../platform/db';
import { invalidFields } from '../../platform/errors';

/** A region's ltree path as stored on problems: with a final dot, so that a subtree is one prefix. */
export const storedPath = (ltreePath: string) => `${ltreePath}.`;

/** LIKE pattern of a region subtree (ltree labels may hold `_`, a LIKE wildcard). */
export const subtreePattern = (ltreePath: string) => `${storedPath(ltreePath).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The problem `p` lies inside one of the actor's scopes for the permission: a region subtree (as a prefix range
 * of p.region_path, which the list indexes serve), the unit it is assigned to, or the reporter's own records.
 */
export function problemScope(
  actor: Actor,
  permission: Permission,
  cols: { regionPath: SQL; unitId: SQL; ownerId?: SQL } = {
    regionPath: sql`p.region_path`,
    unitId: sql`p.assigned_unit_id`,
    ownerId: sql`p.reported_by`,
  },
): SQL {
  const parts: SQL[] = [];
  for (const g of grantsFor(actor, permission)) {
    if (g.kind === 'all') return sql`true`;
    if (g.kind === 'region' && g.regionPath) parts.push(sql`${cols.regionPath} LIKE ${subtreePattern(g.regionPath)}`);
    else if (g.kind === 'unit' && g.ref) parts.push(sql`${cols.unitId} = ${g.ref}::uuid`);
    else if (g.kind === 'own' && actor.accountId && cols.ownerId)
      parts.push(sql`${cols.ownerId} = ${actor.accountId}::uuid`);
  }
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** True when one of the actor's grants for the permission reaches a place with this region path. */
export function reachesRegion(actor: Actor, permission: Permission, ltreePath: string): boolean {
  return grantsFor(actor, permission).some(
    (g) =>
      g.kind === 'all' ||
      g.kind === 'own' ||
      (g.kind === 'region' &&
        !!g.regionPath &&
        (ltreePath === g.regionPath || ltreePath.startsWith(`${g.regionPath}.`))),
  );
}

/** Files must exist in the tenant and be the actor's own uploads (or readable with file.read); 400 otherwise. */
export async function assertPhotosUsable(db: Db, actor: Actor, fileIds: string[], field: string): Promise<void> {
  if (fileIds.length === 0) return;
  const res = await db.execute(sql`SELECT f.id, f.uploaded_by, fo.content_type FROM file f
    JOIN file_object fo ON fo.tenant_id = f.tenant_id AND fo.sha256 = f.sha256
    WHERE f.tenant_id = ${actor.tenantId} AND f.id = ANY(${sql.param(fileIds)}::uuid[])`);
  const mayRead = can(actor, 'file.read');
  const ok = new Set(
    (res.rows as any[])
      .filter((r) => (mayRead || r.uploaded_by === actor.accountId) && String(r.content_type).startsWith('image/'))
      .map((r) => r.id as string),
  );
  if (fileIds.some((id) => !ok.has(id))) throw invalidFields([{ field, key: 'unknown_file' }]);
}

/** A timestamp column as ISO text, or null. */

/**
 * Bring problems' stored region paths in line with the region table after regions moved or merged: call it inside
 * the region change's transaction with the old ltree path of the region that moved (or was merged away).
 */
export async function syncProblemRegionPaths(tx: Db, tenantId: string, oldLtreePath: string): Promise<number> {
  const res = await tx.execute(sql`UPDATE problem p SET region_path = r.path::text || '.'
    FROM region r WHERE p.tenant_id = ${tenantId} AND p.region_path LIKE ${subtreePattern(oldLtreePath)}
      AND r.tenant_id = p.tenant_id AND r.code = p.region_code AND p.region_path <> r.path::text || '.'
    RETURNING p.id`);
  return res.rows.length;
}
