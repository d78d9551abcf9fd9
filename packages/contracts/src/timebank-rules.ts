// Time bank (SPEC 4.9): account kinds, their negative-balance limits, movement kinds and the pure ledger rules
// that the server enforces and the property tests hold.

export const timebankAccountKinds = ['volunteer', 'resident', 'fund', 'issuance'] as const;
export type TimebankAccountKind = (typeof timebankAccountKinds)[number];
export const timebankAccountKindLabels: Record<TimebankAccountKind, string> = {
  volunteer: '志愿者账户',
  resident: '居民账户',
  fund: '公益基金',
  issuance: '时间发行账户',
};

/**
 * The lowest balance (hours) an account of a kind may reach; null means no limit.
 * Volunteers spend only what they earned (0). Residents — often elderly people who receive services before
 * they can give — may overdraw 10 hours (先享后存). A fund is the community's public account backed by the
 * office: it pays volunteers for orders and may run negative (it then shows hours the community owes), and
 * donations refill it. The issuance account is the counter-side of every deposit of confirmed service hours,
 * so its balance is minus all hours ever deposited.
 */
export const timebankOverdraftLimits: Record<TimebankAccountKind, number | null> = {
  volunteer: 0,
  resident: -10,
  fund: null,
  issuance: null,
};

export const timebankJournalKinds = [
  'deposit',
  'transfer',
  'donation',
  'service',
  'redemption',
  'reversal',
  'branch_move',
] as const;
export type TimebankJournalKind = (typeof timebankJournalKinds)[number];
export const timebankJournalKindLabels: Record<TimebankJournalKind, string> = {
  deposit: '服务时长存入',
  transfer: '家庭转赠',
  donation: '捐赠基金',
  service: '服务支付',
  redemption: '兑换物品',
  reversal: '冲正',
  branch_move: '转移网点',
};

export const timebankBranchKinds = ['head', 'branch'] as const;
export type TimebankBranchKind = (typeof timebankBranchKinds)[number];
export const timebankBranchKindLabels: Record<TimebankBranchKind, string> = { head: '总行', branch: '分行' };

/** Hours are kept to the hundredth: amounts travel as integer hundredths to avoid float drift. */
export const toCenti = (hours: number): number => Math.round(hours * 100);
export const fromCenti = (centi: number): number => centi / 100;

/** One side of a movement: a signed amount of hours on an account (credit positive). */
export interface LedgerLeg {
  accountId: string;
  centi: number;
}

/** A movement balances when it has at least two legs, none zero, summing to zero. */
export function isBalancedMovement(legs: readonly LedgerLeg[]): boolean {
  return (
    legs.length >= 2 &&
    legs.every((l) => Number.isInteger(l.centi) && l.centi !== 0) &&
    legs.reduce((s, l) => s + l.centi, 0) === 0
  );
}

/** The legs that undo a movement. */
export function reversalLegs(legs: readonly LedgerLeg[]): LedgerLeg[] {
  return legs.map((l) => ({ accountId: l.accountId, centi: -l.centi }));
}

/** True when a balance (hundredths) is allowed for the account kind. */
export function isWithinLimit(kind: TimebankAccountKind, centi: number): boolean {
  const limit = timebankOverdraftLimits[kind];
  return limit === null || centi >= toCenti(limit);
}

/** Balances (hundredths) that a list of movements leaves, starting from zero. */
export function balancesOf(movements: readonly (readonly LedgerLeg[])[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const legs of movements) for (const l of legs) out.set(l.accountId, (out.get(l.accountId) ?? 0) + l.centi);
  return out;
}
