// Accounts that may inspect (a role granting inspection.perform or everything), for picking team members.
import type { InspectorOption, Page } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { allOf, queryPage } from '../../platform/paging';
import { likePattern } from '../../platform/search-text';
import { one } from '../../platform/sql';

/** An active account of the tenant holding inspection.perform through one of its roles (`a` is the account). */
export const inspectorAccount = (tenantId: string): SQL => sql`a.tenant_id = ${tenantId} AND NOT a.is_disabled
  AND EXISTS (SELECT 1 FROM role_assignment ra JOIN role r ON r.tenant_id = ra.tenant_id AND r.code = ra.role_code
    WHERE ra.tenant_id = a.tenant_id AND ra.account_id = a.id
      AND (r.permissions @> '["inspection.perform"]'::jsonb OR r.permissions @> '["*"]'::jsonb))`;

interface InspectorRow {
  id: string;
  display_name: string;
  username: string;
}

/** One page of inspectors, by display name, optionally matching a name or username. */
export function pageInspectors(
  db: Db,
  tenantId: string,
  q: { q?: string; page: number; pageSize: number },
): Promise<Page<InspectorOption>> {
  const where = allOf(
    inspectorAccount(tenantId),
    q.q ? sql`(lower(a.username) LIKE ${likePattern(q.q)} OR lower(a.display_name) LIKE ${likePattern(q.q)})` : null,
  );
  return queryPage<InspectorRow, InspectorOption>(
    db,
    { columns: sql`a.id, a.display_name, a.username`, from: sql`account a`, where, orderBy: sql`a.display_name, a.id` },
    q,
    (r) => ({ accountId: r.id, displayName: r.display_name, username: r.username }),
  );
}

/** How many of the ids are inspectors of the tenant. */
export async function countInspectors(db: Db, tenantId: string, ids: string[]): Promise<number> {
  const row = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM account a
      WHERE ${inspectorAccount(tenantId)} AND a.id = ANY(${sql.param(ids)}::uuid[])`,
  );
  return Number(row.n);
}
