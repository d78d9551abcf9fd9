// Audit queries: the filtered event page, and the names of the objects events point at, so that the log reads
// 「问题 GW-2026-0012」 rather than a UUID.
import type { AuditQuery } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { allOf } from '../../platform/paging';
import { rows } from '../../platform/sql';

/** The table and the name expression of each object type whose records have a readable name. */
const named: Record<string, { table: string; name: string; key?: string }> = {
  account: { table: 'account', name: 'display_name' },
  activity: { table: 'activity', name: 'title' },
  activity_project: { table: 'activity_project', name: 'name' },
  bulletin: { table: 'bulletin', name: "doc_number || ' ' || title" },
  campaign: { table: 'campaign', name: 'name' },
  evaluation: { table: 'evaluation', name: 'name' },
  framework: { table: 'framework', name: 'name' },
  grid: { table: 'grid', name: 'name' },
  indicator: { table: 'indicator', name: "code || ' ' || name" },
  inspection_plan: { table: 'inspection_plan', name: 'name' },
  inspection_team: { table: 'inspection_team', name: 'name' },
  person: { table: 'person', name: 'name' },
  point: { table: 'point', name: 'name' },
  practice_site: { table: 'practice_site', name: 'name' },
  problem: { table: 'problem', name: "number || ' ' || left(description, 30)" },
  questionnaire: { table: 'questionnaire', name: 'title' },
  region: { table: 'region', name: 'name', key: 'code' },
  service_item: { table: 'service_item', name: 'name' },
  service_order: { table: 'service_order', name: "number || ' ' || title" },
  task: { table: 'task', name: 'title' },
  timebank_account: { table: 'timebank_account', name: 'holder_name' },
  timebank_journal: { table: 'timebank_journal', name: 'coalesce(memo, created_by_name)' },
  unit: { table: 'unit', name: 'name' },
  volunteer: { table: 'volunteer', name: "number || ' ' || name" },
  volunteer_team: { table: 'volunteer_team', name: 'name' },
};

/** The events matching the filters, newest first: the page's where clause. */
export function auditFilters(tenantId: string, q: AuditQuery): SQL {
  return allOf(
    sql`e.tenant_id = ${tenantId}`,
    q.actor ? sql`(e.actor_name = ${q.actor} OR e.actor_id::text = ${q.actor})` : null,
    q.objectType ? sql`e.object_type = ${q.objectType}` : null,
    q.objectId ? sql`e.object_id = ${q.objectId}` : null,
    q.action ? sql`e.action LIKE ${`${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : null,
    q.from ? sql`e.at >= ${q.from}` : null,
    q.to ? sql`e.at < ${q.to}` : null,
  );
}

/** Names of the referenced objects that still exist, keyed `type:id`. */
export async function findObjectNames(
  db: Db,
  tenantId: string,
  refs: { objectType: string; objectId: string | null }[],
): Promise<Map<string, string>> {
  const byType = new Map<string, string[]>();
  for (const r of refs)
    if (r.objectId && named[r.objectType]) byType.set(r.objectType, [...(byType.get(r.objectType) ?? []), r.objectId]);
  const names = new Map<string, string>();
  for (const [type, ids] of byType) {
    const n = named[type];
    const key = sql.raw(n.key ?? 'id');
    const found = await rows<{ id: string; name: string }>(
      db,
      sql`SELECT ${key}::text AS id, ${sql.raw(n.name)} AS name FROM ${sql.raw(n.table)}
        WHERE tenant_id = ${tenantId} AND ${key}::text = ANY(${sql.param([...new Set(ids)])}::text[])`,
    );
    for (const r of found) names.set(`${type}:${r.id}`, r.name);
  }
  return names;
}
