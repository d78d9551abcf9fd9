// Removing a whole tenant: every row of every table keyed by tenant_id, children before the rows they reference.
// Append-only tables allow it only inside this transaction and only for this tenant (migration 0015).
import { sql } from 'drizzle-orm';
import type { Db } from './db';
import { rows } from './sql';

/** Tables holding tenant rows, ordered so that a table comes before every table it references. */
async function tenantTablesChildrenFirst(tx: Db): Promise<string[]> {
  const tables = (
    await rows<{ name: string }>(
      tx,
      sql`SELECT c.table_name AS name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name`,
    )
  ).map((r) => r.name);
  const edges = await rows<{ child: string; parent: string }>(
    tx,
    sql`SELECT cl.relname AS child, pl.relname AS parent FROM pg_constraint k
      JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pl ON pl.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND cl.relname <> pl.relname`,
  );
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const e of edges) if (e.parent === t) visit(e.child); // children first
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  // visit() appends a table after its children: that is the deletion order.
  return ordered.filter((t) => tables.includes(t) || t === 'tenant');
}

/** Delete a tenant and everything it owns, inside the caller's transaction. */
export async function purgeTenant(tx: Db, tenantId: string): Promise<void> {
  await tx.execute(sql`SELECT set_config('wenming.purge_tenant', ${tenantId}, true)`);
  for (const table of await tenantTablesChildrenFirst(tx)) {
    if (table === 'tenant') continue;
    await tx.execute(sql`DELETE FROM ${sql.identifier(table)} WHERE tenant_id = ${tenantId}`);
  }
  await tx.execute(sql`DELETE FROM tenant WHERE id = ${tenantId}`);
}
