// Statements for any period: an account's opening balance, its entries with the running balance and the other
// side of each movement, and its closing balance; a branch's (with its sub-branches) totals by movement kind.
import {
  type TimebankAccountKind,
  type TimebankBranchStatementView,
  type TimebankBranchView,
  type TimebankEntryView,
  type TimebankJournalKind,
  type TimebankStatementQuery,
  type TimebankStatementView,
  fromCenti,
  toCenti,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { getAccount } from './timebank-accounts.service';
import { journalSources } from './timebank-sources.repository';
import { listManagers } from './timebank-branches.repository';
import { branchScope, statementPeriod } from './timebank.policy';

const c = (v: unknown) => toCenti(Number(v ?? 0));

/** An account's statement for a period of Shanghai days (the current month by default). */
export async function accountStatement(
  db: Db,
  actor: Actor,
  id: string,
  q: TimebankStatementQuery,
): Promise<TimebankStatementView> {
  const account = await getAccount(db, actor, id);
  const p = statementPeriod(q, actor.now);
  const t = actor.tenantId;
  const [opening, rows] = await Promise.all([
    db.execute(sql`SELECT coalesce(sum(amount), 0) AS b FROM timebank_entry
      WHERE tenant_id = ${t} AND account_id = ${id} AND created_at < ${p.start.toISOString()}::timestamptz`),
    db.execute(sql`SELECT e.seq, e.amount, e.created_at, j.id AS journal_id, j.kind, j.memo, j.reverses_id,
        (SELECT r.id FROM timebank_journal r WHERE r.tenant_id = j.tenant_id AND r.reverses_id = j.id) AS reversed_by,
        -- A journal's entries are written in one transaction, so they share created_at: their month partition.
        (SELECT array_agg(DISTINCT o.holder_name) FROM timebank_entry oe
          JOIN timebank_account o ON o.tenant_id = oe.tenant_id AND o.id = oe.account_id
          WHERE oe.tenant_id = e.tenant_id AND oe.journal_id = e.journal_id AND oe.account_id <> e.account_id
            AND oe.created_at = e.created_at) AS others
      FROM timebank_entry e JOIN timebank_journal j ON j.tenant_id = e.tenant_id AND j.id = e.journal_id
      WHERE e.tenant_id = ${t} AND e.account_id = ${id}
        AND e.created_at >= ${p.start.toISOString()}::timestamptz AND e.created_at < ${p.end.toISOString()}::timestamptz
      ORDER BY e.created_at, e.seq`),
  ]);
  const open = c((opening.rows[0] as { b: unknown }).b);
  const sources = await journalSources(db, t, [
    ...new Set((rows.rows as { journal_id: string }[]).map((r) => r.journal_id)),
  ]);
  let running = open;
  let totalIn = 0;
  let totalOut = 0;
  const entries: TimebankEntryView[] = (rows.rows as any[]).map((r) => {
    const amount = c(r.amount);
    running += amount;
    if (amount > 0) totalIn += amount;
    else totalOut -= amount;
    return {
      journalId: r.journal_id,
      at: new Date(r.created_at).toISOString(),
      kind: r.kind as TimebankJournalKind,
      amount: fromCenti(amount),
      balanceAfter: fromCenti(running),
      memo: r.memo,
      counterparties: (r.others ?? []) as string[],
      reversesJournalId: r.reverses_id,
      reversedByJournalId: r.reversed_by,
      source: sources.get(r.journal_id) ?? null,
    };
  });
  return {
    account,
    from: p.from,
    to: p.to,
    openingBalance: fromCenti(open),
    closingBalance: fromCenti(running),
    totalIn: fromCenti(totalIn),
    totalOut: fromCenti(totalOut),
    entries,
  };
}

const BRANCH_COLUMNS = sql`b.id, b.kind, b.name, b.parent_id, b.region_code, b.grid_id, b.site_id,
  (SELECT count(*)::int FROM timebank_account a WHERE a.tenant_id = b.tenant_id AND a.branch_id = b.id) AS accounts,
  (SELECT coalesce(sum(e.amount), 0) FROM timebank_entry e JOIN timebank_account a
    ON a.tenant_id = e.tenant_id AND a.id = e.account_id WHERE a.tenant_id = b.tenant_id AND a.branch_id = b.id) AS balance`;

function branchView(r: any): TimebankBranchView {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    parentId: r.parent_id,
    regionCode: r.region_code,
    gridId: r.grid_id,
    siteId: r.site_id,
    accounts: Number(r.accounts),
    balance: fromCenti(c(r.balance)),
  };
}

/** The branches the actor may read (head branches first), with account counts, balances, names and managers. */
export async function listBranches(db: Db, actor: Actor): Promise<TimebankBranchView[]> {
  requirePermission(actor, 'timebank.read');
  const res = await db.execute(sql`SELECT ${BRANCH_COLUMNS}, g.name AS grid_name, r.name AS region_name
    FROM timebank_branch b LEFT JOIN grid g ON g.tenant_id = b.tenant_id AND g.id = b.grid_id
      LEFT JOIN region r ON r.tenant_id = b.tenant_id AND r.code = b.region_code
    WHERE b.tenant_id = ${actor.tenantId} AND ${branchScope(actor, 'timebank.read')}
    ORDER BY b.kind DESC, b.region_code, b.name`);
  const branches = (res.rows as any[]).map((r) => ({
    ...branchView(r),
    gridName: (r.grid_name as string | null) ?? null,
    regionName: (r.region_name as string | null) ?? null,
  }));
  const managers = await listManagers(
    db,
    actor.tenantId,
    branches.map((b) => b.id),
  );
  return branches.map((b) => ({
    ...b,
    managers: managers.filter((m) => m.branch_id === b.id).map((m) => ({ accountId: m.account_id, name: m.name })),
  }));
}

/** A branch's statement for a period: a head branch covers its sub-branches too. */
export async function branchStatement(
  db: Db,
  actor: Actor,
  id: string,
  q: TimebankStatementQuery,
): Promise<TimebankBranchStatementView> {
  requirePermission(actor, 'timebank.read');
  const t = actor.tenantId;
  const res = await db.execute(sql`SELECT ${BRANCH_COLUMNS} FROM timebank_branch b
    WHERE b.tenant_id = ${t} AND b.id = ${id} AND ${branchScope(actor, 'timebank.read')}`);
  if (!res.rows.length) throw fail('TIMEBANK_BRANCH_NOT_FOUND');
  const p = statementPeriod(q, actor.now);
  const start = p.start.toISOString();
  const end = p.end.toISOString();
  const accountsOf = sql`(SELECT a.id FROM timebank_account a JOIN timebank_branch ab ON ab.tenant_id = a.tenant_id
    AND ab.id = a.branch_id WHERE a.tenant_id = ${t} AND (ab.id = ${id} OR ab.parent_id = ${id}))`;
  const [accounts, kinds] = await Promise.all([
    db.execute(sql`SELECT a.id, a.holder_name, a.kind,
        coalesce(sum(e.amount) FILTER (WHERE e.created_at < ${start}::timestamptz), 0) AS opening,
        coalesce(sum(e.amount) FILTER (WHERE e.created_at < ${end}::timestamptz), 0) AS closing
      FROM timebank_account a LEFT JOIN timebank_entry e ON e.tenant_id = a.tenant_id AND e.account_id = a.id
      WHERE a.tenant_id = ${t} AND a.id IN ${accountsOf}
      GROUP BY a.id, a.holder_name, a.kind ORDER BY a.kind, a.holder_name`),
    db.execute(sql`SELECT j.kind, count(DISTINCT j.id)::int AS journals,
        coalesce(sum(e.amount) FILTER (WHERE e.amount > 0), 0) AS hours_in,
        coalesce(-sum(e.amount) FILTER (WHERE e.amount < 0), 0) AS hours_out
      FROM timebank_entry e JOIN timebank_journal j ON j.tenant_id = e.tenant_id AND j.id = e.journal_id
      WHERE e.tenant_id = ${t} AND e.account_id IN ${accountsOf}
        AND e.created_at >= ${start}::timestamptz AND e.created_at < ${end}::timestamptz
      GROUP BY j.kind ORDER BY j.kind`),
  ]);
  const accs = (accounts.rows as any[]).map((r) => ({
    id: r.id as string,
    holderName: r.holder_name as string,
    kind: r.kind as TimebankAccountKind,
    opening: fromCenti(c(r.opening)),
    closing: fromCenti(c(r.closing)),
  }));
  const sum = (k: 'opening' | 'closing') => fromCenti(accs.reduce((s, a) => s + toCenti(a[k]), 0));
  return {
    branch: branchView(res.rows[0]),
    from: p.from,
    to: p.to,
    openingBalance: sum('opening'),
    closingBalance: sum('closing'),
    byKind: (kinds.rows as any[]).map((r) => ({
      kind: r.kind,
      journals: Number(r.journals),
      hoursIn: fromCenti(c(r.hours_in)),
      hoursOut: fromCenti(c(r.hours_out)),
    })),
    accounts: accs,
  };
}
