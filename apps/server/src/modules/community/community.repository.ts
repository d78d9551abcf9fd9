// SQL of the three lists: items with their live claim, the claim itself (a conditional UPDATE, so exactly one
// claim wins however many arrive at once), status steps guarded by the state they start from, the public board.
import type { CommunityItemBody, CommunityItemQuery, CommunityItemStatus, PublicNeedsQuery } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { maybeOne, rows, sqlTime } from '../../platform/sql';

export interface ItemRow {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  category: string;
  quantity: number;
  due_date: string | null;
  region_code: string;
  grid_id: string | null;
  source: string;
  owner_name: string;
  requester_account_id: string | null;
  status: CommunityItemStatus;
  created_at: string | Date;
  done_at: string | Date | null;
  claim_id: string | null;
  claimant_name: string | null;
  claim_unit_id: string | null;
  claim_status: string | null;
  claim_note: string | null;
  claim_at: string | Date | null;
}

const ITEM_FROM = sql`community_item i LEFT JOIN community_claim c ON c.tenant_id = i.tenant_id
  AND c.item_id = i.id AND c.status <> 'rejected'`;
const ITEM_COLUMNS = sql`i.id, i.kind, i.title, i.description, i.category, i.quantity, i.due_date::text AS due_date,
  i.region_code, i.grid_id, i.source, i.owner_name, i.requester_account_id, i.status, i.created_at, i.done_at,
  c.id AS claim_id, c.claimant_name, c.unit_id AS claim_unit_id, c.status AS claim_status, c.note AS claim_note,
  c.created_at AS claim_at`;

export function findItem(db: Db, tenantId: string, id: string, scope: SQL) {
  return maybeOne<ItemRow>(
    db,
    sql`SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE i.tenant_id = ${tenantId} AND i.id = ${id} AND ${scope}`,
  );
}

export async function listItems(db: Db, tenantId: string, q: CommunityItemQuery, scope: SQL) {
  const where = sql.join(
    [
      sql`i.tenant_id = ${tenantId}`,
      scope,
      q.kind ? sql`i.kind = ${q.kind}` : undefined,
      q.status ? sql`i.status = ${q.status}` : undefined,
      q.gridId ? sql`i.grid_id = ${q.gridId}` : undefined,
      q.category ? sql`i.category = ${q.category}` : undefined,
    ].filter((x): x is SQL => !!x),
    sql` AND `,
  );
  const [items, count] = await Promise.all([
    rows<ItemRow>(
      db,
      sql`SELECT ${ITEM_COLUMNS} FROM ${ITEM_FROM} WHERE ${where}
        ORDER BY i.created_at DESC, i.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    ),
    maybeOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${ITEM_FROM} WHERE ${where}`),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

export async function insertItem(
  tx: Db,
  tenantId: string,
  id: string,
  b: CommunityItemBody,
  by: string | null,
  at: Date,
): Promise<void> {
  await tx.execute(sql`INSERT INTO community_item (tenant_id, id, kind, title, description, category, quantity, due_date,
      region_code, grid_id, source, owner_name, requester_account_id, created_by, created_at)
    VALUES (${tenantId}, ${id}, ${b.kind}, ${b.title}, ${b.description ?? null}, ${b.category}, ${b.quantity},
      ${b.dueDate ?? null}, ${b.regionCode}, ${b.gridId ?? null}, ${b.source}, ${b.ownerName},
      ${b.requesterAccountId ?? null}, ${by}, ${sqlTime(at)})`);
}

/** Take an open item for a claim: true for exactly one of any number of concurrent claims. */
export async function takeOpenItem(tx: Db, tenantId: string, id: string): Promise<boolean> {
  const won = await maybeOne<{ id: string }>(
    tx,
    sql`UPDATE community_item SET status = 'claimed' WHERE tenant_id = ${tenantId} AND id = ${id} AND status = 'open'
      RETURNING id`,
  );
  return !!won;
}

export async function insertClaim(
  tx: Db,
  tenantId: string,
  c: { id: string; itemId: string; claimantName: string; unitId: string | null; accountId: string | null },
  note: string | null,
  at: Date,
): Promise<void> {
  await tx.execute(sql`INSERT INTO community_claim (tenant_id, id, item_id, claimant_name, unit_id, account_id, note,
      created_at)
    VALUES (${tenantId}, ${c.id}, ${c.itemId}, ${c.claimantName}, ${c.unitId}, ${c.accountId}, ${note}, ${sqlTime(at)})`);
}

/** Move an item from one of `from` to `to` (false when another step got there first). */
export async function stepItem(
  tx: Db,
  tenantId: string,
  id: string,
  from: readonly CommunityItemStatus[],
  to: CommunityItemStatus,
  at: Date,
): Promise<boolean> {
  const done = to === 'done' ? sql`, done_at = ${sqlTime(at)}` : sql``;
  const moved = await maybeOne<{ id: string }>(
    tx,
    sql`UPDATE community_item SET status = ${to} ${done} WHERE tenant_id = ${tenantId} AND id = ${id}
      AND status = ANY(${sql.param([...from])}::text[]) RETURNING id`,
  );
  return !!moved;
}

export async function setClaimStatus(tx: Db, tenantId: string, claimId: string, status: string): Promise<void> {
  await tx.execute(
    sql`UPDATE community_claim SET status = ${status} WHERE tenant_id = ${tenantId} AND id = ${claimId}`,
  );
}

export interface PublicNeedRow {
  id: string;
  title: string;
  category: string;
  quantity: number;
  due_date: string | null;
  grid_id: string | null;
  created_at: string | Date;
}

/** Open needs of a tenant for the public board (served by community_item_board_idx). */
export async function publicNeeds(db: Db, tenantId: string, q: PublicNeedsQuery) {
  const where = sql.join(
    [
      sql`tenant_id = ${tenantId} AND kind = 'need' AND status = 'open'`,
      q.gridId ? sql`grid_id = ${q.gridId}` : undefined,
      q.category ? sql`category = ${q.category}` : undefined,
    ].filter((x): x is SQL => !!x),
    sql` AND `,
  );
  const [items, count] = await Promise.all([
    rows<PublicNeedRow>(
      db,
      sql`SELECT id, title, category, quantity, due_date::text AS due_date, grid_id, created_at FROM community_item
        WHERE ${where} ORDER BY due_date NULLS LAST, id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    ),
    maybeOne<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM community_item WHERE ${where}`),
  ]);
  return { items, total: Number(count?.n ?? 0) };
}

export function tenantByCode(db: Db, code: string) {
  return maybeOne<{ id: string }>(db, sql`SELECT id FROM tenant WHERE code = ${code}`);
}
