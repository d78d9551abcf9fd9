// Who may see and touch which tasks, units and files in campaign work; scope filters for the queries.
import { shanghaiDate } from '../../platform/clock';
import type { Permission, TaskActorRole } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, can, grantsFor, scopeFilter } from '../../platform/access';
import type { Db } from '../../platform/db';
import { invalidFields } from '../../platform/errors';

/** Today in Asia/Shanghai at `now`, as a SQL date (deadlines are dates, SPEC 3.1). */
export const todaySql = (now: Date) => sql`${shanghaiDate(now)}::date`;

/** True when a grant for the permission covers the whole tenant, so no per-row filter is needed. */
export function seesAll(actor: Actor, permission: Permission): boolean {
  return grantsFor(actor, permission).some((g) => g.kind === 'all');
}

/** A unit row (id and region columns) inside the actor's scope for the permission. */
export function unitScope(actor: Actor, permission: Permission, unitId: SQL, regionCode: SQL): SQL {
  return scopeFilter(actor, permission, { unitId, regionCode });
}

/** Task `t` has a lead or co-unit inside the actor's scope for the permission. */
export function taskScope(actor: Actor, permission: Permission): SQL {
  if (seesAll(actor, permission)) return sql`true`;
  return sql`EXISTS (SELECT 1 FROM task_unit stu JOIN unit su ON su.tenant_id = stu.tenant_id AND su.id = stu.unit_id
    WHERE stu.tenant_id = t.tenant_id AND stu.task_id = t.id
      AND ${unitScope(actor, permission, sql`stu.unit_id`, sql`su.region_code`)})`;
}

/** The units of the actor's unit-scoped grants for a permission: a liaison's own units. */
export function ownUnitIds(actor: Actor, permission: Permission): string[] {
  return grantsFor(actor, permission)
    .filter((g) => g.kind === 'unit' && g.ref)
    .map((g) => g.ref!);
}

/** The state-machine roles the actor holds somewhere (office: task.review, unit: task.report). */
export function taskRolesOf(actor: Actor): TaskActorRole[] {
  const roles: TaskActorRole[] = [];
  if (can(actor, 'task.report')) roles.push('unit');
  if (can(actor, 'task.review')) roles.push('office');
  return roles;
}

/** Units of the tenant inside the actor's scope; 400 naming the field when one is not. */
export async function assertUnitsUsable(
  db: Db,
  actor: Actor,
  permission: Permission,
  ids: { field: string; unitIds: string[] }[],
): Promise<void> {
  const all = [...new Set(ids.flatMap((x) => x.unitIds))];
  if (all.length === 0) return;
  const res = await db.execute(sql`SELECT u.id FROM unit u WHERE u.tenant_id = ${actor.tenantId}
    AND u.id = ANY(${sql.param(all)}::uuid[]) AND ${unitScope(actor, permission, sql`u.id`, sql`u.region_code`)}`);
  const found = new Set(res.rows.map((r: any) => r.id as string));
  const bad = ids.filter((x) => x.unitIds.some((id) => !found.has(id)));
  if (bad.length) throw invalidFields(bad.map((x) => ({ field: x.field, key: 'unknown_unit' })));
}

/** Evidence files must exist in the tenant and be the actor's own uploads (or readable with file.read). */
export async function assertFilesUsable(db: Db, actor: Actor, fileIds: string[], field = 'fileIds'): Promise<void> {
  if (fileIds.length === 0) return;
  const res = await db.execute(sql`SELECT id, uploaded_by FROM file WHERE tenant_id = ${actor.tenantId}
    AND id = ANY(${sql.param(fileIds)}::uuid[])`);
  const mayRead = can(actor, 'file.read');
  const ok = new Set(
    res.rows.filter((r: any) => mayRead || r.uploaded_by === actor.accountId).map((r: any) => r.id as string),
  );
  if (fileIds.some((id) => !ok.has(id))) throw invalidFields([{ field, key: 'unknown_file' }]);
}

/** Files of a row as `{id, name, contentType}` JSON, for views of ledger entries and scores. */
export const filesJson = (ids: SQL, tenant: SQL) =>
  sql`COALESCE((SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'contentType', fo.content_type)
      ORDER BY f.received_at) FROM file f JOIN file_object fo ON fo.tenant_id = f.tenant_id AND fo.sha256 = f.sha256
    WHERE f.tenant_id = ${tenant} AND f.id = ANY(${ids})), '[]'::json)`;

/** A timestamp column as ISO text, or null. */
