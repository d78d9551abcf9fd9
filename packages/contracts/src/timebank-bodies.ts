// Request bodies, queries and views of the time bank (zod), shared by the server and the web app.
import { z } from 'zod';
import { pageQuery, calendarDay } from './common';
import {
  type TimebankAccountKind,
  type TimebankBranchKind,
  type TimebankJournalKind,
  timebankAccountKinds,
} from './timebank-rules';

/** Hours: positive, at most two decimals, at most 1,000 in one movement. */
const hours = z
  .number()
  .positive()
  .max(1000)
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'invalid_format');
const day = calendarDay;

/** Move hours to a family member's account (转赠) or to a fund (捐赠). */
export const timebankTransferBody = z.object({
  fromAccountId: z.string().uuid(),
  toAccountId: z.string().uuid(),
  hours,
  memo: z.string().trim().max(200).optional().nullable(),
});
export type TimebankTransferBody = z.infer<typeof timebankTransferBody>;

/** Statement period: Shanghai calendar days, both inclusive; the current month when left out. */
export const timebankStatementQuery = z
  .object({ from: day.optional(), to: day.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'too_small' });
export type TimebankStatementQuery = z.infer<typeof timebankStatementQuery>;

export const timebankAccountListQuery = pageQuery.extend({
  kind: z.enum(timebankAccountKinds).optional(),
  branchId: z.string().uuid().optional(),
  q: z.string().trim().max(50).optional(),
});
export type TimebankAccountListQuery = z.infer<typeof timebankAccountListQuery>;

export const timebankReversalBody = z.object({ reason: z.string().trim().min(1).max(500) });
export type TimebankReversalBody = z.infer<typeof timebankReversalBody>;

export const timebankFamilyBody = z.object({ memberAccountId: z.string().uuid() });
export type TimebankFamilyBody = z.infer<typeof timebankFamilyBody>;

export const timebankGoodsBody = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).optional().nullable(),
  priceHours: hours,
  stock: z.number().int().min(0).max(1_000_000),
});
export type TimebankGoodsBody = z.infer<typeof timebankGoodsBody>;

export const timebankRedemptionBody = z.object({
  accountId: z.string().uuid(),
  goodsId: z.string().uuid(),
  quantity: z.number().int().min(1).max(100).default(1),
});
export type TimebankRedemptionBody = z.infer<typeof timebankRedemptionBody>;

export const timebankRedemptionCodeParam = z.object({ code: z.string().regex(/^[A-Z0-9]{8}$/, 'invalid_format') });

// ---- views ----

export interface TimebankRef {
  id: string;
  name: string;
}

export interface TimebankAccountView {
  id: string;
  kind: TimebankAccountKind;
  holderName: string;
  /** The volunteer record of a volunteer account, the sign-in account of a resident account. */
  volunteerId: string | null;
  accountId: string | null;
  branch: TimebankRef | null;
  /** Hours, derived from the entries. */
  balance: number;
  /** The lowest balance allowed; null: no limit. */
  overdraftLimit: number | null;
  /** What can still be spent; null: no limit. */
  available: number | null;
  family: TimebankRef[];
  createdAt: string;
}

export interface TimebankEntryView {
  journalId: string;
  at: string;
  kind: TimebankJournalKind;
  /** Signed hours on this account: positive in, negative out. */
  amount: number;
  balanceAfter: number;
  memo: string | null;
  /** The other side(s) of the movement. */
  counterparties: string[];
  reversesJournalId: string | null;
  reversedByJournalId: string | null;
  /** What earned the movement: the activity served at or the service order paid for (null for others). */
  source: TimebankEntrySource | null;
}

export interface TimebankEntrySource {
  kind: 'activity' | 'order';
  id: string;
  title: string;
  /** The order number (FW…); null for an activity. */
  number: string | null;
}

export interface TimebankStatementView {
  account: TimebankAccountView;
  from: string;
  to: string;
  openingBalance: number;
  closingBalance: number;
  totalIn: number;
  totalOut: number;
  entries: TimebankEntryView[];
}

export interface TimebankBranchView {
  id: string;
  kind: TimebankBranchKind;
  name: string;
  parentId: string | null;
  regionCode: string;
  gridId: string | null;
  siteId: string | null;
  accounts: number;
  /** Sum of the branch's account balances (hours). */
  balance: number;
  /** Names of the grid and the community, for display. */
  gridName?: string | null;
  regionName?: string | null;
  managers?: TimebankManagerView[];
}

export interface TimebankBranchStatementView {
  branch: TimebankBranchView;
  from: string;
  to: string;
  openingBalance: number;
  closingBalance: number;
  /** Movements touching the branch's accounts in the period, by kind. */
  byKind: { kind: TimebankJournalKind; journals: number; hoursIn: number; hoursOut: number }[];
  accounts: { id: string; holderName: string; kind: TimebankAccountKind; opening: number; closing: number }[];
}

export interface TimebankTransferResult {
  journalId: string;
  kind: TimebankJournalKind;
  hours: number;
  from: TimebankAccountView;
  to: TimebankRef;
}

export interface TimebankGoodsView {
  id: string;
  branchId: string;
  name: string;
  description: string | null;
  priceHours: number;
  stock: number;
  active: boolean;
}

export interface TimebankRedemptionView {
  id: string;
  code: string;
  accountId: string;
  goods: TimebankRef;
  quantity: number;
  hours: number;
  status: 'issued' | 'fulfilled' | 'reversed';
  journalId: string;
  createdAt: string;
  fulfilledAt: string | null;
}

// ---- branches (issue 18) ----

/** A head branch (总行) of a community, or a branch (分行) of a grid under its community's head branch. */
export const timebankBranchBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('head'),
    name: z.string().trim().min(1).max(60),
    regionCode: z.string().regex(/^\d{2,12}$/, 'invalid_format'),
    siteId: z.string().uuid().optional().nullable(),
  }),
  z.object({
    kind: z.literal('branch'),
    name: z.string().trim().min(1).max(60),
    gridId: z.string().uuid(),
    siteId: z.string().uuid().optional().nullable(),
  }),
]);
export type TimebankBranchBody = z.infer<typeof timebankBranchBody>;

export const timebankBranchPatch = z.object({
  name: z.string().trim().min(1).max(60).optional(),
  siteId: z.string().uuid().optional().nullable(),
});
export type TimebankBranchPatch = z.infer<typeof timebankBranchPatch>;

export const timebankManagersBody = z.object({ accountIds: z.array(z.string().uuid()).max(20) });
export type TimebankManagersBody = z.infer<typeof timebankManagersBody>;

/** Move an account with its balance to another branch of the same community. */
export const timebankMoveBody = z.object({
  branchId: z.string().uuid(),
  memo: z.string().trim().max(200).optional().nullable(),
});
export type TimebankMoveBody = z.infer<typeof timebankMoveBody>;

export const timebankReconciliationQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_format')
    .optional(),
});
export type TimebankReconciliationQuery = z.infer<typeof timebankReconciliationQuery>;

export interface TimebankManagerView {
  accountId: string;
  name: string;
}

export interface TimebankMoveResult {
  accountId: string;
  fromBranch: TimebankRef | null;
  toBranch: TimebankRef;
  /** Hours that moved with the account (its balance). */
  hours: number;
  /** The journal that moved them; null when the balance was zero. */
  journalId: string | null;
}

/** One branch's month: opening and closing from its own entries, what came in and went out, and the check. */
export interface TimebankReconciliationRow {
  /** null: entries outside any branch (the issuance account, accounts of no branch). */
  branch: (TimebankRef & { kind: TimebankBranchKind; parentId: string | null }) | null;
  opening: number;
  hoursIn: number;
  hoursOut: number;
  /** Of which moved in / out with accounts changing branch. */
  movedIn: number;
  movedOut: number;
  closing: number;
  /** Sum of the balances of the accounts now in the branch (the current month only, else null). */
  holdings: number | null;
  /** closing − holdings (zero when the branch's ledger and its accounts agree); null for past months. */
  difference: number | null;
}

export interface TimebankReconciliationView {
  month: string;
  rows: TimebankReconciliationRow[];
  /** The month's net movement over the whole bank: zero, as every journal balances. */
  bankNet: number;
  /** Sum of every closing balance: zero, the issuance account holding minus all deposits. */
  bankClosing: number;
}
