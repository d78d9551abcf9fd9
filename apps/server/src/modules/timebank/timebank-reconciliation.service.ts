// Monthly reconciliation of the time bank (issue 18): per branch, from the branch's own entries, the opening
// balance, what came in and went out (and of that, what moved with accounts between branches) and the closing
// balance; for the current month also what the accounts now in the branch hold. Every journal balances, so the
// month's net over the whole bank — branches and the issuance account together — is zero, and so is the sum of
// every closing balance.
import {
  type TimebankReconciliationQuery,
  type TimebankReconciliationRow,
  type TimebankReconciliationView,
  fromCenti,
  toCenti,
} from '@wenming/contracts';
import { type Actor, hasCityScope, requirePermission } from '../../platform/access';
import { shanghaiDate, shanghaiDayStart } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { branchesInScope, holdingsByBranch, reconciliationSums } from './timebank-branches.repository';

const c = (v: unknown) => toCenti(Number(v ?? 0));

function monthBounds(month: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { start: shanghaiDayStart(`${month}-01`), end: shanghaiDayStart(next) };
}

/** The reconciliation of a month (the current one by default) for the branches the actor manages. */
export async function reconciliation(
  db: Db,
  actor: Actor,
  q: TimebankReconciliationQuery,
): Promise<TimebankReconciliationView> {
  requirePermission(actor, 'timebank.manage');
  const current = shanghaiDate(actor.now).slice(0, 7);
  const month = q.month ?? current;
  const { start, end } = monthBounds(month);
  const [branches, sums, holdings] = await Promise.all([
    branchesInScope(db, actor),
    reconciliationSums(db, actor.tenantId, start, end),
    month === current ? holdingsByBranch(db, actor.tenantId) : Promise.resolve([]),
  ]);
  const byBranch = new Map(sums.map((s) => [s.branch_id, s]));
  const held = new Map(holdings.map((h) => [h.branch_id, c(h.holdings)]));
  const row = (id: string | null, branch: TimebankReconciliationRow['branch']): TimebankReconciliationRow => {
    const s = byBranch.get(id);
    const opening = c(s?.opening);
    const closing = opening + c(s?.hours_in) - c(s?.hours_out);
    const holding = month === current ? (held.get(id) ?? 0) : null;
    return {
      branch,
      opening: fromCenti(opening),
      hoursIn: fromCenti(c(s?.hours_in)),
      hoursOut: fromCenti(c(s?.hours_out)),
      movedIn: fromCenti(c(s?.moved_in)),
      movedOut: fromCenti(c(s?.moved_out)),
      closing: fromCenti(closing),
      holdings: holding === null ? null : fromCenti(holding),
      difference: holding === null ? null : fromCenti(closing - holding),
    };
  };
  const rows = branches.map((b) => row(b.id, { id: b.id, name: b.name, kind: b.kind, parentId: b.parent_id }));
  // The bank-wide line (entries of no branch: the issuance account) only for those who see the whole tenant.
  const whole = hasCityScope(actor, 'timebank.manage');
  if (whole) rows.push(row(null, null));
  const bankNet = whole ? sums.reduce((t, s) => t + c(s.hours_in) - c(s.hours_out), 0) : 0;
  const bankClosing = whole ? sums.reduce((t, s) => t + c(s.opening) + c(s.hours_in) - c(s.hours_out), 0) : 0;
  return { month, rows, bankNet: fromCenti(bankNet), bankClosing: fromCenti(bankClosing) };
}
