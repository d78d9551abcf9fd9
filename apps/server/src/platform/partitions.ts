// Month partitions of history tables: observations, time-bank entries, audit events (and any table that opts in).
// The SQL side lives in migration 0016 (partitioned_history): wm_partition_by_month(table, column, retention_months, ahead_months)
// turns a table into one partitioned by Asia/Shanghai month and registers it in partitioned_table;
// wm_premake_partitions(now) creates this month's and the next months' partitions. Here: the partition job,
// the retention settings and the detaching of old months (`wenming partitions`).
//
// A new history table opts in (docs/operations.md, "Partitioned history"):
//  1. in its Drizzle schema, the primary key and unique constraints include the partition column, and no other
//     table references it by foreign key;
//  2. at the end of its migration: SELECT wm_partition_by_month('vote', 'cast_at', NULL, 3);
//  3. queries that read one record's rows also filter on the partition column when they know it (pruning).
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Db } from './db';
import { rows } from './sql';

export interface PartitionInfo {
  table: string;
  partition: string;
  /** 'YYYY-MM' of a month partition; null for the default partition. */
  month: string | null;
  from: string | null;
  to: string | null;
  rowsEstimate: number;
  bytes: number;
}

export interface PartitionedTableInfo {
  table: string;
  column: string;
  retentionMonths: number | null;
  aheadMonths: number;
}

type PartitionRow = { parent: string; child: string; bound: string; reltuples: number; bytes: number };

/** The registered history tables and their settings. */
export async function listPartitionedTables(db: Db): Promise<PartitionedTableInfo[]> {
  const r = await rows<{
    table_name: string;
    column_name: string;
    retention_months: number | null;
    ahead_months: number;
  }>(
    db,
    sql`SELECT table_name, column_name, retention_months, ahead_months FROM partitioned_table ORDER BY table_name`,
  );
  return r.map((x) => ({
    table: x.table_name,
    column: x.column_name,
    retentionMonths: x.retention_months,
    aheadMonths: x.ahead_months,
  }));
}

const MONTH_SUFFIX = /_p(\d{4})(\d{2})$/;

/** Every attached partition of the registered tables, oldest month first, the default partition last. */
export async function listPartitions(db: Db): Promise<PartitionInfo[]> {
  const r = await rows<PartitionRow>(
    db,
    sql`SELECT p.relname AS parent, c.relname AS child, pg_get_expr(c.relpartbound, c.oid) AS bound,
        greatest(c.reltuples, 0)::float8 AS reltuples, pg_total_relation_size(c.oid)::float8 AS bytes
      FROM partitioned_table t
      JOIN pg_class p ON p.relname = t.table_name AND p.relnamespace = 'public'::regnamespace
      JOIN pg_inherits i ON i.inhparent = p.oid
      JOIN pg_class c ON c.oid = i.inhrelid
      ORDER BY p.relname, c.relname`,
  );
  return r.map((x) => {
    const m = MONTH_SUFFIX.exec(x.child);
    const range = /FROM \('([^']+)'\) TO \('([^']+)'\)/.exec(x.bound);
    return {
      table: x.parent,
      partition: x.child,
      month: m ? `${m[1]}-${m[2]}` : null,
      from: range ? new Date(range[1]).toISOString() : null,
      to: range ? new Date(range[2]).toISOString() : null,
      rowsEstimate: Number(x.reltuples),
      bytes: Number(x.bytes),
    };
  });
}

/** Create this month's and the next months' partitions of every registered table; returns how many were made. */
export async function premakePartitions(db: Db, now: Date): Promise<number> {
  const r = await rows<{ made: number }>(
    db,
    sql`SELECT wm_premake_partitions(${now.toISOString()}::timestamptz) AS made`,
  );
  return Number(r[0]?.made ?? 0);
}

/** Keep `months` months attached (null: keep everything); the partition job never detaches by itself. */
export async function setRetention(db: Db, table: string, months: number | null): Promise<void> {
  const r = await db.execute(
    sql`UPDATE partitioned_table SET retention_months = ${months} WHERE table_name = ${table} RETURNING table_name`,
  );
  if (!r.rows.length) throw new Error(`${table} is not a partitioned history table`);
}

/** 'YYYY-MM' of the first month that retention keeps, counted back from the month of `now` (Asia/Shanghai). */
export function firstKeptMonth(now: Date, retentionMonths: number): string {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  const index = local.getUTCFullYear() * 12 + local.getUTCMonth() - (retentionMonths - 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Detach the month partitions before `beforeMonth` ('YYYY-MM') of one table, or of every table past its retention.
 * A detached partition stays in the database as a plain table, to be dumped (pg_dump -t) and dropped by the
 * operator. Audit months leave an anchor per tenant first, so verify-audit checks the chain from there.
 */
export async function detachPartitions(
  db: Db,
  opts: { table?: string; beforeMonth?: string; now: Date },
): Promise<PartitionInfo[]> {
  const tables = (await listPartitionedTables(db)).filter((t) => !opts.table || t.table === opts.table);
  if (opts.table && !tables.length) throw new Error(`${opts.table} is not a partitioned history table`);
  const all = await listPartitions(db);
  const detached: PartitionInfo[] = [];
  for (const t of tables) {
    const cutoff = opts.beforeMonth ?? (t.retentionMonths ? firstKeptMonth(opts.now, t.retentionMonths) : null);
    if (!cutoff) continue;
    const old = all.filter((p) => p.table === t.table && p.month !== null && p.month < cutoff);
    for (const p of old) {
      await db.transaction(async (tx) => {
        if (t.table === 'audit_event') await anchorAuditChain(tx, p.partition);
        await tx.execute(sql.raw(`ALTER TABLE "${t.table}" DETACH PARTITION "${p.partition}"`));
      });
      detached.push(p);
    }
  }
  return detached;
}

/** Each tenant's last event in an audit partition about to be detached becomes (or advances) its anchor. */
async function anchorAuditChain(tx: Db, partition: string) {
  await tx.execute(sql`INSERT INTO audit_anchor (tenant_id, seq, hash)
    SELECT DISTINCT ON (tenant_id) tenant_id, seq, hash FROM ${sql.identifier(partition)} ORDER BY tenant_id, seq DESC
    ON CONFLICT (tenant_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, archived_at = now()
      WHERE EXCLUDED.seq > audit_anchor.seq`);
}

const PREMAKE_EVERY_MS = 6 * 3_600_000;

/** The partition job: processes that run jobs create the coming months' partitions at start and every 6 hours. */
export function schedulePartitionJob(app: FastifyInstance, db: Db, now: () => Date): void {
  const run = () =>
    premakePartitions(db, now()).catch((err) => app.log.warn({ err }, 'creating the coming partitions failed'));
  void run();
  const timer = setInterval(run, PREMAKE_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
