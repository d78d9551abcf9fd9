// Tables of the three lists (issue 18): needs, resources and projects, and the claims on them.
import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { grid, region } from './org';
import { tenantId, tstz } from './types';

/** An item of one of the three lists; `status` follows communityTransitions (packages/contracts). */
export const communityItem = pgTable(
  'community_item',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    category: text('category').notNull(),
    quantity: integer('quantity').notNull().default(1),
    dueDate: date('due_date'),
    regionCode: text('region_code').notNull(),
    gridId: uuid('grid_id'),
    source: text('source').notNull(),
    ownerName: text('owner_name').notNull(),
    requesterAccountId: uuid('requester_account_id'),
    status: text('status').notNull().default('open'),
    createdBy: uuid('created_by'),
    createdAt: tstz('created_at').notNull(),
    doneAt: tstz('done_at'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    foreignKey({ columns: [t.tenantId, t.gridId], foreignColumns: [grid.tenantId, grid.id] }),
    index('community_item_list_idx').on(t.tenantId, t.kind, t.status, t.createdAt),
    // The public board of open needs, filtered by grid and category, ordered by due date.
    index('community_item_board_idx')
      .on(t.tenantId, t.gridId, t.category, t.dueDate, t.id)
      .where(sql`kind = 'need' AND status = 'open'`),
  ],
);

/** A claim on an item; at most one live (not rejected) claim per item. */
export const communityClaim = pgTable(
  'community_claim',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    itemId: uuid('item_id').notNull(),
    claimantName: text('claimant_name').notNull(),
    unitId: uuid('unit_id'),
    accountId: uuid('account_id'),
    status: text('status').notNull().default('pending'),
    note: text('note'),
    createdAt: tstz('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.itemId], foreignColumns: [communityItem.tenantId, communityItem.id] }),
    uniqueIndex('community_claim_live_uq').on(t.tenantId, t.itemId).where(sql`status <> 'rejected'`),
  ],
);
