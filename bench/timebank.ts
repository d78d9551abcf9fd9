// Benchmark of the time bank ledger on PostgreSQL (own database wenming_bench_timebank): 10,000 accounts funded
// by deposits, then 10,000 random transfers between them run concurrently (BENCH_TIMEBANK_CONCURRENCY, default
// 24). Checked afterwards: the sum of all balances is zero, every journal balances, no account is below its
// limit, and every balance equals its deposits plus the transfers that were accepted (a model kept in the script).
//   npx tsx bench/timebank.ts     BENCH_TIMEBANK_ACCOUNTS=10000 BENCH_TIMEBANK_TRANSFERS=10000
import { sql } from 'drizzle-orm';
import { postJournal } from '../apps/server/src/modules/timebank/timebank-ledger';
import { systemActor } from '../apps/server/src/platform/access';
import { AppError } from '../apps/server/src/platform/errors';
import { newId } from '../apps/server/src/platform/ids';
import { type BenchResult, adminDatabaseUrl, checkPostgres, isMain, measured, runStandalone, skipped } from './lib';
import { openBenchTenant } from './orders-gen';

const NAME = 'timebank';
const ACCOUNTS = Number(process.env.BENCH_TIMEBANK_ACCOUNTS ?? 10_000);
const TRANSFERS = Number(process.env.BENCH_TIMEBANK_TRANSFERS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_TIMEBANK_CONCURRENCY ?? 24);

async function pool<T>(items: T[], n: number, work: (x: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

export async function run(): Promise<BenchResult[]> {
  const why = await checkPostgres(adminDatabaseUrl());
  if (why) return [skipped(NAME, why)];
  const t = await openBenchTenant('wenming_bench_timebank', CONCURRENCY + 4);
  const db = t.database.db;
  const actor = systemActor(t.tenantId, 'bench', new Date());
  try {
    // A fresh ledger each run: a tenant of its own.
    const run = newId().slice(-8);
    const tenant = (
      await db.execute(sql`INSERT INTO tenant (id, code, name) VALUES (gen_random_uuid(), ${`tb-${run}`}, '时间银行基准')
      RETURNING id`)
    ).rows[0] as { id: string };
    const tenantId = tenant.id;
    const a = { ...actor, tenantId };
    const ids = Array.from({ length: ACCOUNTS }, () => newId());
    const issuance = newId();
    await db.execute(sql`INSERT INTO timebank_account (tenant_id, id, kind, holder_name)
      SELECT ${tenantId}, x, 'volunteer', '账户' || o FROM unnest(${sql.param(ids)}::uuid[]) WITH ORDINALITY AS u(x, o)`);
    await db.execute(
      sql`INSERT INTO timebank_account (tenant_id, id, kind, holder_name) VALUES (${tenantId}, ${issuance}, 'issuance', '发行')`,
    );
    const model = new Map<string, number>();
    const t0 = performance.now();
    await pool(ids, CONCURRENCY, async (id) => {
      const centi = 100 * (1 + Math.floor(Math.random() * 5));
      await db.transaction((tx) =>
        postJournal(tx, a, {
          kind: 'deposit',
          sourceKind: 'bench',
          sourceId: id,
          legs: [
            { accountId: issuance, centi: -centi },
            { accountId: id, centi },
          ],
        }),
      );
      model.set(id, centi);
    });
    const depositSeconds = (performance.now() - t0) / 1000;
    const moves = Array.from({ length: TRANSFERS }, () => {
      const from = ids[Math.floor(Math.random() * ids.length)];
      let to = ids[Math.floor(Math.random() * ids.length)];
      if (to === from) to = ids[(ids.indexOf(from) + 1) % ids.length];
      return { from, to, centi: 50 * (1 + Math.floor(Math.random() * 6)) };
    });
    let accepted = 0;
    let refused = 0;
    const t1 = performance.now();
    await pool(moves, CONCURRENCY, async (m) => {
      try {
        await db.transaction((tx) =>
          postJournal(tx, a, {
            kind: 'transfer',
            sourceKind: 'bench-transfer',
            sourceId: newId(),
            legs: [
              { accountId: m.from, centi: -m.centi },
              { accountId: m.to, centi: m.centi },
            ],
          }),
        );
        accepted++;
        model.set(m.from, model.get(m.from)! - m.centi);
        model.set(m.to, model.get(m.to)! + m.centi);
      } catch (e) {
        if (!(e instanceof AppError && e.code === 'TIMEBANK_INSUFFICIENT_BALANCE')) throw e;
        refused++;
      }
    });
    const seconds = (performance.now() - t1) / 1000;
    const check = (
      await db.execute(sql`SELECT
        (SELECT coalesce(sum(amount), 0) FROM timebank_entry WHERE tenant_id = ${tenantId}) AS total,
        (SELECT count(*)::int FROM (SELECT journal_id FROM timebank_entry WHERE tenant_id = ${tenantId}
          GROUP BY journal_id HAVING sum(amount) <> 0 OR count(*) < 2) x) AS unbalanced`)
    ).rows[0] as any;
    const balances = (
      await db.execute(sql`SELECT account_id, sum(amount) AS b FROM timebank_entry
      WHERE tenant_id = ${tenantId} AND account_id <> ${issuance} GROUP BY account_id`)
    ).rows as { account_id: string; b: unknown }[];
    let mismatched = 0;
    let negative = 0;
    for (const r of balances) {
      const centi = Math.round(Number(r.b) * 100);
      if (centi !== model.get(r.account_id)) mismatched++;
      if (centi < 0) negative++;
    }
    mismatched += ids.length - balances.length;
    const note = `${accepted} accepted, ${refused} refused for balance, ${CONCURRENCY} concurrent; deposits ${depositSeconds.toFixed(1)} s`;
    return [
      measured(NAME, 'transfers per second', TRANSFERS / seconds, '/s', undefined, note),
      measured(NAME, 'sum of all balances', Math.abs(Number(check.total)), 'h', { max: 0.005 }),
      measured(NAME, 'unbalanced journals', Number(check.unbalanced), '', { max: 1 }),
      measured(NAME, 'balances ≠ deposits + accepted transfers', mismatched, 'accounts', { max: 1 }),
      measured(NAME, 'accounts below their limit', negative, 'accounts', { max: 1 }),
    ];
  } finally {
    await t.database.close();
  }
}

if (isMain(import.meta.url)) await runStandalone(NAME, run);
