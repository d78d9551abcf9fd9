// Typed reads over both engines. A repository declares the row type of a hand-written query next to it and reads
// it through these, instead of casting `(await db.execute(q)).rows`. Query-builder reads (db.select()…) are typed
// by Drizzle already and need none of this.
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './db';
import { AppError } from './errors';

/** Every row of a query. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return (await db.execute(query)).rows as T[];
}

/** The first row of a query, or null when there is none. */
export async function maybeOne<T>(db: Db, query: SQL): Promise<T | null> {
  const found = (await db.execute(query)).rows;
  return found.length ? (found[0] as T) : null;
}

/** The first row of a query; a missing row is `notFound` (a 404 by default, naming what was looked for). */
export async function one<T>(db: Db, query: SQL, notFound: string | AppError = 'RECORD'): Promise<T> {
  const row = await maybeOne<T>(db, query);
  if (row) return row;
  throw typeof notFound === 'string' ? new AppError(`${notFound.toUpperCase()}_NOT_FOUND`, 404) : notFound;
}

/** The number of rows a write touched (UPDATE/DELETE/INSERT … ON CONFLICT DO NOTHING). */
export async function affected(db: Db, query: SQL): Promise<number> {
  const res = (await db.execute(query)) as unknown as { rowCount?: number | null; affectedRows?: number };
  return Number(res.rowCount ?? res.affectedRows ?? 0);
}

/** An instant as a SQL timestamptz parameter: business times come from the clock, never from SQL now(). */
export function sqlTime(at: Date): SQL {
  return sql`${at.toISOString()}::timestamptz`;
}
