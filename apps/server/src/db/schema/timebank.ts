// Tables of the time bank (SPEC 4.9): branches, accounts, the double-entry ledger (journals and their entries,
// append-only), family links, the goods catalogue and redemptions. Balances are sums of entries; nothing is cached.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  foreignKey,
  index,
  integer,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { grid, practiceSite, region } from './org';
import { account } from './platform';
import { createdAt, tenantId, tstz } from './types';
import { volunteer } from './volunteers';

/** 总行 (head) per community, 分行 (branch) per grid under it; a practice station runs it. */
export const timebankBranch = pgTable(
  'timebank_branch',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    regionCode: text('region_code').notNull(),
    gridId: uuid('grid_id'),
    siteId: uuid('site_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    foreignKey({ columns: [t.tenantId, t.gridId], foreignColumns: [grid.tenantId, grid.id] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [practiceSite.tenantId, practiceSite.id] }),
    unique('timebank_branch_grid_uq').on(t.tenantId, t.gridId),
    index('timebank_branch_region_idx').on(t.tenantId, t.regionCode),
    uniqueIndex('timebank_branch_head_uq').on(t.tenantId, t.regionCode).where(sql`kind = 'head'`),
  ],
);

/** The sign-in accounts that manage a branch (行长 / 管理员). */
export const timebankBranchManager = pgTable(
  'timebank_branch_manager',
  {
    tenantId: tenantId(),
    branchId: uuid('branch_id').notNull(),
    accountId: uuid('account_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.branchId, t.accountId] }),
    foreignKey({ columns: [t.tenantId, t.branchId], foreignColumns: [timebankBranch.tenantId, timebankBranch.id] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [account.tenantId, account.id] }),
    index('timebank_branch_manager_account_idx').on(t.tenantId, t.accountId),
  ],
);

/** An account of a volunteer, a resident (by sign-in account), a fund, or the tenant's issuance account. */
export const timebankAccount = pgTable(
  'timebank_account',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    holderName: text('holder_name').notNull(),
    branchId: uuid('branch_id'),
    volunteerId: uuid('volunteer_id'),
    /** The sign-in account that owns it (own scope), for volunteer and resident accounts. */
    accountId: uuid('account_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.branchId], foreignColumns: [timebankBranch.tenantId, timebankBranch.id] }),
    foreignKey({ columns: [t.tenantId, t.volunteerId], foreignColumns: [volunteer.tenantId, volunteer.id] }),
    unique('timebank_account_volunteer_uq').on(t.tenantId, t.volunteerId),
    unique('timebank_account_owner_uq').on(t.tenantId, t.kind, t.accountId),
    uniqueIndex('timebank_account_issuance_uq').on(t.tenantId).where(sql`kind = 'issuance'`),
    index('timebank_account_branch_idx').on(t.tenantId, t.branchId),
  ],
);

/** Family links between accounts (both directions stored): hours may be given within a family. */
export const timebankFamily = pgTable(
  'timebank_family',
  {
    tenantId: tenantId(),
    accountId: uuid('account_id').notNull(),
    memberAccountId: uuid('member_account_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.accountId, t.memberAccountId] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [timebankAccount.tenantId, timebankAccount.id] }),
    foreignKey({
      columns: [t.tenantId, t.memberAccountId],
      foreignColumns: [timebankAccount.tenantId, timebankAccount.id],
    }),
  ],
);

/** A movement: its entries sum to zero (checked at commit); `source` makes a movement happen once. */
export const timebankJournal = pgTable(
  'timebank_journal',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    reversesId: uuid('reverses_id'),
    memo: text('memo'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('timebank_journal_source_uq').on(t.tenantId, t.sourceKind, t.sourceId),
    unique('timebank_journal_reverses_uq').on(t.tenantId, t.reversesId),
    foreignKey({ columns: [t.tenantId, t.reversesId], foreignColumns: [t.tenantId, t.id] }),
  ],
);

/** Entries run in one global order, so a statement's running balance is well defined. */
export const timebankEntrySeq = pgSequence('timebank_entry_seq', { startWith: 1, cache: 1 });

/** One side of a movement on one account: hours, positive in and negative out. Append-only. */
export const timebankEntry = pgTable(
  'timebank_entry',
  {
    tenantId: tenantId(),
    seq: bigint('seq', { mode: 'number' }).notNull().default(sql`nextval('timebank_entry_seq')`),
    journalId: uuid('journal_id').notNull(),
    accountId: uuid('account_id').notNull(),
    /** The branch the account was in when the entry was posted: a branch's balance is the sum of its entries. */
    branchId: uuid('branch_id'),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    // Partitioned by month of created_at (platform/partitions.ts): the key includes the partition column.
    primaryKey({ columns: [t.tenantId, t.seq, t.createdAt] }),
    foreignKey({ columns: [t.tenantId, t.journalId], foreignColumns: [timebankJournal.tenantId, timebankJournal.id] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [timebankAccount.tenantId, timebankAccount.id] }),
    index('timebank_entry_account_idx').on(t.tenantId, t.accountId, t.createdAt),
    index('timebank_entry_journal_idx').on(t.tenantId, t.journalId),
    index('timebank_entry_branch_idx').on(t.tenantId, t.branchId, t.createdAt),
  ],
);

/** The goods catalogue of a branch: items bought with hours. */
export const timebankGoods = pgTable(
  'timebank_goods',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    branchId: uuid('branch_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    priceHours: numeric('price_hours', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    stock: integer('stock').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.branchId], foreignColumns: [timebankBranch.tenantId, timebankBranch.id] }),
    index('timebank_goods_branch_idx').on(t.tenantId, t.branchId),
  ],
);

/** A redemption: hours paid, a code the holder shows at the branch, fulfilled once. */
export const timebankRedemption = pgTable(
  'timebank_redemption',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    code: text('code').notNull(),
    accountId: uuid('account_id').notNull(),
    goodsId: uuid('goods_id').notNull(),
    quantity: integer('quantity').notNull(),
    hours: numeric('hours', { precision: 10, scale: 2, mode: 'number' }).notNull(),
    status: text('status').notNull().default('issued'),
    journalId: uuid('journal_id').notNull(),
    createdAt: createdAt(),
    fulfilledAt: tstz('fulfilled_at'),
    fulfilledBy: uuid('fulfilled_by'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('timebank_redemption_code_uq').on(t.tenantId, t.code),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [timebankAccount.tenantId, timebankAccount.id] }),
    foreignKey({ columns: [t.tenantId, t.goodsId], foreignColumns: [timebankGoods.tenantId, timebankGoods.id] }),
    foreignKey({ columns: [t.tenantId, t.journalId], foreignColumns: [timebankJournal.tenantId, timebankJournal.id] }),
    index('timebank_redemption_account_idx').on(t.tenantId, t.accountId),
  ],
);
