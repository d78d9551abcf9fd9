import type { Database } from '../platform/db';
import {
  detachPartitions,
  listPartitionedTables,
  listPartitions,
  premakePartitions,
  setRetention,
} from '../platform/partitions';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `wenming partitions`: list, set retention, detach old months. */
export async function runPartitionsCommand(
  database: Database,
  values: { table?: string; retention?: string; detach?: boolean; before?: string },
): Promise<number> {
  const db = database.db;
  const now = new Date();
  if (values.retention !== undefined) {
    if (!values.table) throw new Error('--retention needs --table');
    const months = values.retention === 'keep' ? null : Number(values.retention);
    if (months !== null && !(Number.isInteger(months) && months >= 1))
      throw new Error('--retention must be a whole number of months (≥ 1) or "keep"');
    await setRetention(db, values.table, months);
    console.log(`${values.table}: ${months === null ? 'every month kept' : `${months} months kept attached`}`);
  }
  if (values.before && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.before)) throw new Error('--before must be YYYY-MM');
  if (values.detach) {
    const done = await detachPartitions(db, { table: values.table, beforeMonth: values.before, now });
    for (const p of done)
      console.log(
        `detached ${p.partition} (${p.month}, ~${p.rowsEstimate} rows, ${mb(p.bytes)}): now a plain table; ` +
          `archive it (pg_dump -t ${p.partition}) and DROP TABLE ${p.partition}`,
      );
    if (!done.length) console.log('nothing to detach');
  }
  const made = await premakePartitions(db, now);
  if (made) console.log(`${made} partitions created ahead`);
  for (const t of await listPartitionedTables(db)) {
    const keep = t.retentionMonths === null ? 'keep all' : `keep ${t.retentionMonths} months`;
    console.log(`\n${t.table} by month of ${t.column} (${keep}, ${t.aheadMonths} ahead)`);
    for (const p of (await listPartitions(db)).filter((x) => x.table === t.table))
      console.log(
        `  ${p.partition.padEnd(36)} ${(p.month ?? 'default').padEnd(8)} ~${String(p.rowsEstimate).padStart(10)} rows ${mb(p.bytes).padStart(10)}`,
      );
  }
  return 0;
}
