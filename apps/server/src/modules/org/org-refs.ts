import type { Permission } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, regionRoots } from '../../platform/access';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';

/** A record may only be placed in an active region inside the actor's scope for the permission. */
export async function assertRegionUsable(db: Db, actor: Actor, code: string, permission: Permission): Promise<void> {
  const roots = regionRoots(actor, permission);
  const res = await db.execute(
    sql`SELECT status, path::text AS path FROM region WHERE tenant_id = ${actor.tenantId} AND code = ${code}`,
  );
  const r = res.rows[0] as { status: string; path: string } | undefined;
  const inScope = r && (roots === null || roots.some((p) => r.path === p || r.path.startsWith(`${p}.`)));
  if (!r || !inScope || r.status !== 'active')
    throw fail('VALIDATION_FAILED', { fieldKeys: [{ field: 'regionCode', key: 'unknown_region' }] });
}
