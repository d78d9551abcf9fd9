// History for a synthetic city (`wenming gen-city --size XL`, or `--history-months N` with any size): months of
// field inspections (5,000 a month, 30 observations each) against a 30-standard framework, and of time-bank hour
// records (187,000 deposits a month into 100,000 accounts: one journal and two ledger entries each). XL is the L
// city with 134 months: 20.1 million observations and 50.1 million hour records (ledger entries). Every month is
// loaded set-based into its own partition, made before its rows arrive; deterministic ids (md5 of row numbers).
import crypto from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Db } from '../platform/db';

export const HISTORY_END_MONTH = '2026-10';
export const INSPECTIONS_PER_MONTH = 5_000;
export const OBSERVATIONS_PER_INSPECTION = 30;
export const JOURNALS_PER_MONTH = 187_000;
export const TIMEBANK_ACCOUNTS = 100_000;

export interface HistoryOptions {
  tenantId: string;
  months: number;
  /** Months already loaded (the most recent ones): a city grows its history by loading only the older months. */
  loadedMonths?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface HistoryIds {
  frameworkId: string;
  planId: string;
  fundAccountId: string;
}

const id = (prefix: string, expr: string) => sql.raw(`md5('${prefix}' || ${expr})::uuid`);

/** An md5 as a well-formed (version 4) uuid: the API validates the ids it is sent. */
function md5Uuid(text: string): string {
  const h = crypto.createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
}

/** The ids of a history already loaded (read back, so a city made by an older generator grows too). */
async function readHistoryIds(database: Database, tenantId: string): Promise<HistoryIds> {
  const [r] = await database.query<HistoryIds>(sql`SELECT
    (SELECT id FROM framework WHERE tenant_id = ${tenantId} AND code = 'HISTORY') AS "frameworkId",
    (SELECT id FROM inspection_plan WHERE tenant_id = ${tenantId} AND name = '历年督查') AS "planId",
    (SELECT id FROM timebank_account WHERE tenant_id = ${tenantId} AND kind = 'fund' AND holder_name = '志愿服务基金')
      AS "fundAccountId"`);
  if (!r?.frameworkId) throw new Error('no history to grow in this tenant');
  return r;
}

/** The stable ids of a tenant's history (a framework, a plan, the fund the deposits come from). */
export function historyIds(tenantId: string): HistoryIds {
  return {
    frameworkId: md5Uuid(`${tenantId}framework`),
    planId: md5Uuid(`${tenantId}plan`),
    fundAccountId: md5Uuid(`${tenantId}fund`),
  };
}

/** The first day (Asia/Shanghai) of the month `back` months before the end month, as an ISO timestamp. */
export function monthStart(back: number): string {
  const [y, m] = HISTORY_END_MONTH.split('-').map(Number);
  const index = y * 12 + (m - 1) - back;
  const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return `${month}-01T00:00:00+08:00`;
}

async function createFramework(db: Database, t: string, ids: HistoryIds) {
  const q = (s: SQL) => db.db.execute(s);
  await q(sql`INSERT INTO framework (tenant_id, id, family_id, code, name, version, status, total_points, compliance_line)
    VALUES (${t}, ${ids.frameworkId}, ${ids.frameworkId}, 'HISTORY', '历史测评体系', 1, 'published', 100, 0.8)`);
  await q(sql`INSERT INTO indicator (tenant_id, id, framework_id, parent_id, position, depth, code, name, points, methods, point_types, scoring_rule)
    SELECT ${t}, ${id(`${t}top`, 'k')}, ${ids.frameworkId}, NULL, k, 1, (k + 1)::text, '测评项目' || (k + 1), 33, '[]', '[]', '{"kind":"check"}'
    FROM generate_series(0, 2) k`);
  await q(sql`INSERT INTO indicator (tenant_id, id, framework_id, parent_id, position, depth, code, name, points, methods, point_types, scoring_rule)
    SELECT ${t}, ${id(`${t}std`, 'j')}, ${ids.frameworkId}, ${id(`${t}top`, '(j % 3)')}, j, 2, ((j % 3) + 1) || '.' || (j / 3 + 1),
      '测评标准' || j, 1 + j % 5, '["field"]', '[]', '{"kind":"check"}'
    FROM generate_series(0, ${OBSERVATIONS_PER_INSPECTION - 1}::int) j`);
  const root = (await db.query<{ code: string }>(sql`SELECT root_region_code AS code FROM tenant WHERE id = ${t}`))[0];
  await q(sql`INSERT INTO inspection_plan (tenant_id, id, name, framework_id, kind, start_date, end_date, region_code, status)
    VALUES (${t}, ${ids.planId}, '历年督查', ${ids.frameworkId}, 'field_eval', '2000-01-01', '2099-12-31', ${root.code}, 'closed')`);
  await q(sql`INSERT INTO timebank_branch (tenant_id, id, kind, name, region_code)
    VALUES (${t}, ${id(`${t}branch`, "''")}, 'head', '时间银行总行', ${root.code})`);
  await q(sql`INSERT INTO timebank_account (tenant_id, id, kind, holder_name, branch_id)
    VALUES (${t}, ${ids.fundAccountId}, 'fund', '志愿服务基金', ${id(`${t}branch`, "''")})`);
  await q(sql`INSERT INTO timebank_account (tenant_id, id, kind, holder_name, branch_id)
    SELECT ${t}, ${id(`${t}acct`, 'n')}, 'resident', '居民' || n, ${id(`${t}branch`, "''")}
    FROM generate_series(0, ${TIMEBANK_ACCOUNTS - 1}::int) n`);
}

async function loadMonth(db: Db, t: string, ids: HistoryIds, back: number) {
  const start = monthStart(back);
  const q = (s: SQL) => db.execute(s);
  // 5,000 points a month, moving through the city's points; each inspected once, somewhere in the month.
  await q(sql`WITH history_point AS (SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, point_type, region_code
      FROM point WHERE tenant_id = ${t})
    INSERT INTO inspection (tenant_id, id, plan_id, point_id, framework_id, point_type, region_code,
      started_at, submitted_at, client_time, earned, applicable, negative_items)
    SELECT ${t}, ${id(`${t}i${back}-`, 'n')}, ${ids.planId}, p.id, ${ids.frameworkId}, p.point_type, p.region_code,
      ts, ts, ts, 0, 0, '[]'
    FROM (SELECT n, ${start}::timestamptz + make_interval(days => n % 27, mins => 60 + n % 600) AS ts
      FROM generate_series(0, ${INSPECTIONS_PER_MONTH - 1}::int) n) x
    JOIN history_point p ON p.k = (x.n + ${back * INSPECTIONS_PER_MONTH}::int) % (SELECT count(*) FROM history_point)`);
  await q(sql`INSERT INTO inspection_observation (tenant_id, id, inspection_id, indicator_id, position, result, earned, submitted_at)
    SELECT ${t}, ${id(`${t}o${back}-`, "i.n || '-' || k")}, ${id(`${t}i${back}-`, 'i.n')}, ${id(`${t}std`, 'k')}, k,
      CASE WHEN (i.n * 53 + k * 29) % 100 < 5 THEN 'na' WHEN (i.n * 31 + k * 17) % 100 < 70 THEN 'met' ELSE 'not_met' END,
      CASE WHEN (i.n * 31 + k * 17) % 100 < 70 THEN 1 + k % 5 ELSE 0 END, i.ts
    FROM (SELECT n, ${start}::timestamptz + make_interval(days => n % 27, mins => 60 + n % 600) AS ts
      FROM generate_series(0, ${INSPECTIONS_PER_MONTH - 1}::int) n) i, generate_series(0, ${OBSERVATIONS_PER_INSPECTION - 1}::int) k`);
  // Deposits: one journal, the fund's entry and the resident's (a journal's entries share its time).
  const journals = sql`(SELECT n, ${id(`${t}j${back}-`, 'n')} AS jid,
      ${start}::timestamptz + make_interval(days => n % 28, secs => n % 86000) AS ts,
      (n::bigint * 7919 + ${back * 104_729}::bigint) % ${TIMEBANK_ACCOUNTS}::int AS acct, 1 + n % 4 AS hours
    FROM generate_series(0, ${JOURNALS_PER_MONTH - 1}::int) n)`;
  await q(sql`INSERT INTO timebank_journal (tenant_id, id, kind, source_kind, source_id, memo, created_by_name, created_at)
    SELECT ${t}, j.jid, 'deposit', 'history', ${`${back}-`}::text || j.n::text, '服务时长存入', '历史数据', j.ts
    FROM ${journals} j`);
  await q(sql`INSERT INTO timebank_entry (tenant_id, journal_id, account_id, branch_id, amount, created_at)
    SELECT ${t}, j.jid, a.account, (SELECT ta.branch_id FROM timebank_account ta WHERE ta.tenant_id = ${t}
        AND ta.id = a.account), a.amount, j.ts FROM ${journals} j
    CROSS JOIN LATERAL (VALUES (${ids.fundAccountId}::uuid, -j.hours::numeric),
      (${id(`${t}acct`, 'j.acct')}, j.hours::numeric)) AS a(account, amount)`);
}

/** Load `months` months of history ending with HISTORY_END_MONTH into the tenant of a generated city. */
export async function generateHistory(database: Database, opts: HistoryOptions): Promise<HistoryIds> {
  // (ids of a grown history are read back from the database)
  const report = opts.onProgress ?? (() => {});
  const loaded = opts.loadedMonths ?? 0;
  const ids = loaded ? await readHistoryIds(database, opts.tenantId) : historyIds(opts.tenantId);
  if (!loaded) await createFramework(database, opts.tenantId, ids);
  // Each month's partitions before any of its rows.
  for (let back = opts.months - 1; back >= loaded; back--)
    for (const table of ['inspection_observation', 'timebank_entry'])
      await database.db.execute(sql`SELECT wm_create_month_partition(${table}, ${monthStart(back)}::timestamptz)`);
  for (let back = opts.months - 1; back >= loaded; back--) {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL synchronous_commit = off`);
      // Rows consistent by construction (balanced journals, existing accounts and inspections) are loaded without
      // their triggers and foreign-key checks, as pg_restore does: a query per ledger entry would take hours at XL.
      // Needs a superuser; anyone else loads with the checks on, slower.
      await tx.execute(sql`SAVEPOINT role`);
      await tx
        .execute(sql`SET LOCAL session_replication_role = replica`)
        .catch(() => tx.execute(sql`ROLLBACK TO SAVEPOINT role`));
      await loadMonth(tx, opts.tenantId, ids, back);
    });
    report('history months', opts.months - back, opts.months);
  }
  for (const table of [
    'inspection',
    'inspection_observation',
    'timebank_journal',
    'timebank_entry',
    'timebank_account',
  ])
    await database.query(sql`ANALYZE ${sql.identifier(table)}`);
  return ids;
}
