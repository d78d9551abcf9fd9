import type { Page } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './db';

export interface PageSql {
  columns: SQL;
  from: SQL;
  where: SQL;
  orderBy: SQL;
}

/** One page of rows plus the total, as SPEC §6 lists answer. */
export async function queryPage<R, T>(
  db: Db,
  q: PageSql,
  paging: { page: number; pageSize: number },
  map: (row: R) => T,
): Promise<Page<T>> {
  const offset = (paging.page - 1) * paging.pageSize;
  const [rows, count] = await Promise.all([
    db.execute(
      sql`SELECT ${q.columns} FROM ${q.from} WHERE ${q.where} ORDER BY ${q.orderBy} LIMIT ${paging.pageSize} OFFSET ${offset}`,
    ),
    db.execute(sql`SELECT count(*)::int AS n FROM ${q.from} WHERE ${q.where}`),
  ]);
  return {
    items: (rows.rows as R[]).map(map),
    total: Number((count.rows[0] as any).n),
    page: paging.page,
    pageSize: paging.pageSize,
  };
}

/** AND of the given conditions, skipping empty ones. */
export function allOf(...parts: (SQL | null | undefined | false)[]): SQL {
  const kept = parts.filter(Boolean) as SQL[];
  return kept.length ? sql.join(kept, sql` AND `) : sql`true`;
}
