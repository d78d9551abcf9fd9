// The double-entry ledger: every movement is a journal whose entries sum to zero (also checked by a deferred
// trigger at commit), posted once per source, with the debited accounts locked in id order so that concurrent
// movements neither overdraw an account past its limit nor deadlock.
import { maybeOne, one, sqlTime } from '../../platform/sql';
import {
  type LedgerLeg,
  type TimebankAccountKind,
  type TimebankJournalKind,
  fromCenti,
  isBalancedMovement,
  isWithinLimit,
  timebankOverdraftLimits,
  toCenti,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';

export interface JournalInput {
  kind: TimebankJournalKind;
  /** What caused the movement; the same source posts once. */
  sourceKind: string;
  sourceId: string;
  memo?: string | null;
  reversesId?: string | null;
  /** A leg may name the branch it is posted to (a move between branches); by default the account's own. */
  legs: (LedgerLeg & { branchId?: string | null })[];
}

export interface PostedJournal {
  journalId: string;
  /** False when the source had already been posted (nothing moved this time). */
  created: boolean;
}

/** The balance of an account in hundredths of an hour: the sum of its entries. */
export async function balanceCenti(tx: Db, tenantId: string, accountId: string): Promise<number> {
  const res = await tx.execute(sql`SELECT coalesce(sum(amount), 0) AS b FROM timebank_entry
    WHERE tenant_id = ${tenantId} AND account_id = ${accountId}`);
  return toCenti(Number((res.rows[0] as { b: unknown }).b));
}

async function findJournalBySource(tx: Db, tenantId: string, kind: string, id: string): Promise<string | null> {
  const res = await tx.execute(sql`SELECT id FROM timebank_journal
    WHERE tenant_id = ${tenantId} AND source_kind = ${kind} AND source_id = ${id}`);
  return (res.rows[0] as { id: string } | undefined)?.id ?? null;
}

/**
 * Lock every account of the movement in id order — those that lose hours and have a lower limit FOR UPDATE, the
 * others FOR SHARE (so a move between branches, which takes its account FOR UPDATE, never runs beside a posting
 * to it) — check each debited one stays within its limit (422 TIMEBANK_INSUFFICIENT_BALANCE naming the account
 * otherwise), and return the branch each account is in now: its entries are posted to that branch.
 */
async function lockAndCheckLimits(tx: Db, tenantId: string, legs: LedgerLeg[]): Promise<Map<string, string | null>> {
  const debits = new Map<string, number>();
  for (const l of legs) debits.set(l.accountId, (debits.get(l.accountId) ?? 0) + l.centi);
  const ids = [...debits.keys()].sort();
  const branches = new Map<string, string | null>();
  for (const id of ids) {
    const delta = debits.get(id)!;
    const kind = await maybeOne<{ kind: TimebankAccountKind }>(
      tx,
      sql`SELECT kind FROM timebank_account WHERE tenant_id = ${tenantId} AND id = ${id}`,
    );
    if (!kind) throw fail('TIMEBANK_ACCOUNT_NOT_FOUND');
    const limited = delta < 0 && timebankOverdraftLimits[kind.kind] !== null;
    const row = await one<{ branch_id: string | null }>(
      tx,
      sql`SELECT branch_id FROM timebank_account WHERE tenant_id = ${tenantId} AND id = ${id}
        ${limited ? sql`FOR UPDATE` : sql`FOR SHARE`}`,
      'TIMEBANK_ACCOUNT',
    );
    branches.set(id, row.branch_id);
    if (!limited) continue;
    const after = (await balanceCenti(tx, tenantId, id)) + delta;
    if (!isWithinLimit(kind.kind, after))
      throw fail('TIMEBANK_INSUFFICIENT_BALANCE', {
        accountId: id,
        balance: fromCenti(after - delta),
        limit: timebankOverdraftLimits[kind.kind],
        requested: fromCenti(-delta),
      });
  }
  return branches;
}

/** Post a movement once per source: the journal and its entries, or the journal already posted for the source. */
export async function postJournal(tx: Db, actor: Actor, input: JournalInput): Promise<PostedJournal> {
  if (!isBalancedMovement(input.legs)) throw new Error('timebank movement is not balanced');
  const existing = await findJournalBySource(tx, actor.tenantId, input.sourceKind, input.sourceId);
  if (existing) return { journalId: existing, created: false };
  const branchOf = await lockAndCheckLimits(tx, actor.tenantId, input.legs);
  const journalId = newId();
  const inserted = await tx.execute(sql`INSERT INTO timebank_journal (tenant_id, id, kind, source_kind, source_id,
      reverses_id, memo, created_by, created_by_name, created_at)
    VALUES (${actor.tenantId}, ${journalId}, ${input.kind}, ${input.sourceKind}, ${input.sourceId},
      ${input.reversesId ?? null}, ${input.memo ?? null}, ${actor.accountId}, ${actor.displayName}, ${sqlTime(actor.now)})
    ON CONFLICT (tenant_id, source_kind, source_id) DO NOTHING RETURNING id`);
  if (!inserted.rows.length) {
    // A concurrent transaction posted the same source first (we waited on its unique key): nothing moves.
    const id = await findJournalBySource(tx, actor.tenantId, input.sourceKind, input.sourceId);
    return { journalId: id!, created: false };
  }
  const accounts = input.legs.map((l) => l.accountId);
  const amounts = input.legs.map((l) => (l.centi / 100).toFixed(2));
  const branches = input.legs.map((l) => (l.branchId !== undefined ? l.branchId : (branchOf.get(l.accountId) ?? null)));
  await tx.execute(sql`INSERT INTO timebank_entry (tenant_id, journal_id, account_id, branch_id, amount, created_at)
    SELECT ${actor.tenantId}, ${journalId}, a, b, m::numeric, ${sqlTime(actor.now)}
    FROM unnest(${sql.param(accounts)}::uuid[], ${sql.param(branches)}::uuid[], ${sql.param(amounts)}::text[])
      AS x(a, b, m)`);
  return { journalId, created: true };
}

/** The legs of a posted journal. */
export async function journalLegs(tx: Db, tenantId: string, journalId: string): Promise<LedgerLeg[]> {
  const res = await tx.execute(sql`SELECT account_id, amount FROM timebank_entry
    WHERE tenant_id = ${tenantId} AND journal_id = ${journalId} ORDER BY seq`);
  return (res.rows as { account_id: string; amount: unknown }[]).map((r) => ({
    accountId: r.account_id,
    centi: toCenti(Number(r.amount)),
  }));
}
