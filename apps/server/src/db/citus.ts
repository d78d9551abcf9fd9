// The Citus distribution of the migrated schema, read from the catalogue: every table with tenant_id is
// distributed by it and co-located with the others; the few tables without it are reference tables (copied to
// every node). docs/scale-out.md carries the DDL this produces; its test fails when a table is new (the DDL in
// the doc no longer matches) or breaks co-location: a primary key, unique constraint, unique index or foreign key
// between distributed tables that leaves out tenant_id, or a table that is neither tenant-keyed nor declared here.
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db';
import { rows } from '../platform/sql';

/** Tables without tenant_id that every node holds whole: the tenant registry and platform metadata. */
export const REFERENCE_TABLES = ['tenant', 'partitioned_table'] as const;

const DISTRIBUTION_COLUMN = 'tenant_id';
const COLOCATE_WITH = 'account';

interface TableRow {
  name: string;
  partitioned: boolean;
  has_tenant: boolean;
}
interface KeyRow {
  table_name: string;
  name: string;
  kind: 'p' | 'u' | 'f' | 'i';
  columns: string[];
  ref_table: string | null;
  ref_columns: string[] | null;
}

export interface CitusPlan {
  distributed: string[];
  reference: string[];
  ddl: string;
  /** Everything that would stop the schema from distributing as written; empty when it distributes. */
  problems: string[];
}

async function readTables(db: Db): Promise<TableRow[]> {
  return rows<TableRow>(
    db,
    sql`SELECT c.relname AS name, c.relkind = 'p' AS partitioned,
        EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = ${DISTRIBUTION_COLUMN}
          AND NOT a.attisdropped) AS has_tenant
      FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY c.relname`,
  );
}

/** Primary keys, unique constraints and unique indexes, and foreign keys, with their column names in order. */
async function readKeys(db: Db): Promise<KeyRow[]> {
  const cols = (rel: string, attnums: string) =>
    sql.raw(`ARRAY(SELECT a.attname::text FROM unnest(${attnums})
    WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.n ORDER BY k.i)`);
  return rows<KeyRow>(
    db,
    sql`SELECT t.relname AS table_name, con.conname AS name, con.contype AS kind, ${cols('con.conrelid', 'con.conkey')} AS columns,
        rt.relname AS ref_table, CASE WHEN con.contype = 'f' THEN ${cols('con.confrelid', 'con.confkey')} END AS ref_columns
      FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid
      LEFT JOIN pg_class rt ON rt.oid = con.confrelid
      WHERE t.relnamespace = 'public'::regnamespace AND NOT t.relispartition AND con.contype IN ('p', 'u', 'f')
        AND con.conparentid = 0
      UNION ALL
      SELECT t.relname, ic.relname, 'i', ${cols('i.indrelid', 'i.indkey::int2[]')}, NULL, NULL
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
      WHERE t.relnamespace = 'public'::regnamespace AND NOT t.relispartition AND i.indisunique
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1, 2`,
  );
}

function coLocationProblems(keys: KeyRow[], distributed: Set<string>, reference: Set<string>): string[] {
  const problems: string[] = [];
  for (const k of keys) {
    if (!distributed.has(k.table_name)) continue;
    const what = { p: 'primary key', u: 'unique constraint', i: 'unique index', f: 'foreign key' }[k.kind];
    if (k.kind !== 'f') {
      if (!k.columns.includes(DISTRIBUTION_COLUMN))
        problems.push(`${k.table_name}: ${what} ${k.name} (${k.columns.join(', ')}) leaves out ${DISTRIBUTION_COLUMN}`);
      continue;
    }
    if (k.ref_table && reference.has(k.ref_table)) continue;
    const at = k.columns.indexOf(DISTRIBUTION_COLUMN);
    if (at < 0 || k.ref_columns?.[at] !== DISTRIBUTION_COLUMN)
      problems.push(
        `${k.table_name}: ${what} ${k.name} (${k.columns.join(', ')}) → ${k.ref_table} (${k.ref_columns?.join(', ')}) ` +
          `does not join on ${DISTRIBUTION_COLUMN}: the rows it links may live on different nodes`,
      );
  }
  return problems;
}

/** The distribution DDL of the migrated schema, and what would break it. */
export async function planCitus(db: Db): Promise<CitusPlan> {
  const tables = (await readTables(db)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const declared = new Set<string>(REFERENCE_TABLES);
  const distributed = tables.filter((t) => t.has_tenant && !declared.has(t.name)).map((t) => t.name);
  const reference = tables.filter((t) => declared.has(t.name)).map((t) => t.name);
  const problems = tables
    .filter((t) => !t.has_tenant && !declared.has(t.name))
    .map((t) => `${t.name}: has no ${DISTRIBUTION_COLUMN} and is not a declared reference table (db/citus.ts)`);
  problems.push(...coLocationProblems(await readKeys(db), new Set(distributed), new Set(reference)));
  const partitioned = new Set(tables.filter((t) => t.partitioned).map((t) => t.name));
  const lines = [
    '-- Reference tables: copied to every node.',
    ...reference.map((t) => `SELECT create_reference_table('${t}');`),
    `-- Distributed by ${DISTRIBUTION_COLUMN}, all co-located: a tenant's rows of every table live on one node.`,
    `SELECT create_distributed_table('${COLOCATE_WITH}', '${DISTRIBUTION_COLUMN}');`,
    ...distributed
      .filter((t) => t !== COLOCATE_WITH)
      .map(
        (t) =>
          `SELECT create_distributed_table('${t}', '${DISTRIBUTION_COLUMN}', colocate_with => '${COLOCATE_WITH}');` +
          (partitioned.has(t) ? ' -- partitioned by month' : ''),
      ),
  ];
  return { distributed, reference, ddl: `${lines.join('\n')}\n`, problems: problems.sort() };
}
