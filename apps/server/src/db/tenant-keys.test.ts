import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness';
import type { Database } from '../platform/db';

// Tables that are not business data: the tenant registry, and the registry of monthly-partitioned tables (one row per
// table for all tenants; see migration 0016_partitioned_history).
const NOT_BUSINESS = new Set(['tenant', 'partitioned_table']);

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
});
afterAll(() => drop?.());

describe('schema is ready for distribution by tenant_id (Citus)', () => {
  it('every business table has tenant_id, and every PK, unique constraint and FK includes it', async () => {
    const tables = await database.query<{ table_name: string; has_tenant: boolean }>(sql`
      SELECT t.table_name, EXISTS (SELECT 1 FROM information_schema.columns c
        WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'tenant_id') AS has_tenant
      FROM information_schema.tables t WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'`);
    expect(tables.length).toBeGreaterThan(10);
    const missing = tables.filter((t) => !NOT_BUSINESS.has(t.table_name) && !t.has_tenant).map((t) => t.table_name);
    expect(missing).toEqual([]);

    const constraints = await database.query<{
      table_name: string;
      conname: string;
      contype: string;
      cols: string[];
      refcols: string[] | null;
    }>(sql`
      SELECT rel.relname AS table_name, con.conname, con.contype,
        ARRAY(SELECT a.attname::text FROM unnest(con.conkey) k JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k) AS cols,
        CASE WHEN con.contype = 'f' THEN ARRAY(SELECT a.attname::text FROM unnest(con.confkey) k
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k) END AS refcols
      FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
      WHERE n.nspname = 'public' AND con.contype IN ('p', 'u', 'f')`);
    const bad = constraints
      .filter((c) => !NOT_BUSINESS.has(c.table_name))
      .filter((c) => !c.cols.includes('tenant_id') || (c.contype === 'f' && !(c.refcols ?? []).includes('tenant_id')))
      .map((c) => `${c.table_name}.${c.conname}`);
    expect(bad).toEqual([]);
    // The check can fail: a constraint without tenant_id is caught.
    expect(constraints.some((c) => c.contype === 'f')).toBe(true);
  });
});
