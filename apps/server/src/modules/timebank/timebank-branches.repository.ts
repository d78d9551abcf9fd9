// SQL of the time bank's branches (issue 18): which branch an account opens in, creating and editing branches,
// their managers, locking an account for a move, and the per-branch sums of a month's reconciliation.
import type { TimebankBranchKind } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db';
import { affected, maybeOne, rows, sqlTime } from '../../platform/sql';
import { branchScope } from './timebank.policy';

/**
 * The branch an account of a holder opens in: the branch of the grid nearest the holder's home (grids of the
 * holder's community that have a branch), else the community's head branch, else none.
 */
export async function branchForHolder(
  tx: Db,
  tenantId: string,
  regionCode: string | null,
  home: { lat: number | null; lng: number | null } = { lat: null, lng: null },
): Promise<string | null> {
  if (!regionCode) return null;
  if (home.lat != null && home.lng != null) {
    const k = Math.cos((home.lat * Math.PI) / 180);
    const grid = await maybeOne<{ id: string }>(
      tx,
      sql`SELECT b.id FROM timebank_branch b JOIN grid g ON g.tenant_id = b.tenant_id AND g.id = b.grid_id
        WHERE b.tenant_id = ${tenantId} AND b.kind = 'branch' AND b.region_code = ${regionCode}
          AND g.center_lat IS NOT NULL AND g.center_lng IS NOT NULL
        ORDER BY power(g.center_lat - ${home.lat}, 2) + power((g.center_lng - ${home.lng}) * ${k}, 2), b.id LIMIT 1`,
    );
    if (grid) return grid.id;
  }
  const head = await maybeOne<{ id: string }>(
    tx,
    sql`SELECT id FROM timebank_branch WHERE tenant_id = ${tenantId} AND kind = 'head' AND region_code = ${regionCode}`,
  );
  return head?.id ?? null;
}

export interface BranchRow {
  id: string;
  kind: TimebankBranchKind;
  name: string;
  parent_id: string | null;
  region_code: string;
  grid_id: string | null;
  site_id: string | null;
}

/** A branch within the actor's scope for a permission. */
export function findBranch(db: Db, actor: Actor, id: string, permission: 'timebank.read' | 'timebank.manage') {
  return maybeOne<BranchRow>(
    db,
    sql`SELECT b.id, b.kind, b.name, b.parent_id, b.region_code, b.grid_id, b.site_id FROM timebank_branch b
      WHERE b.tenant_id = ${actor.tenantId} AND b.id = ${id} AND ${branchScope(actor, permission)}`,
  );
}

/** A region (community) in the actor's manage scope, with its name. */
export function findManagedRegion(db: Db, actor: Actor, code: string) {
  return maybeOne<{ code: string; name: string }>(
    db,
    sql`SELECT r.code, r.name FROM region r WHERE r.tenant_id = ${actor.tenantId} AND r.code = ${code}
      AND ${branchScope(actor, 'timebank.manage', sql`r.code`)}`,
  );
}

/** A grid with its community's head branch, when the grid's community is in the actor's manage scope. */
export function findManagedGrid(db: Db, actor: Actor, gridId: string) {
  return maybeOne<{ id: string; name: string; region_code: string; head_id: string | null }>(
    db,
    sql`SELECT g.id, g.name, g.region_code,
        (SELECT h.id FROM timebank_branch h WHERE h.tenant_id = g.tenant_id AND h.kind = 'head'
          AND h.region_code = g.region_code) AS head_id
      FROM grid g WHERE g.tenant_id = ${actor.tenantId} AND g.id = ${gridId}
        AND ${branchScope(actor, 'timebank.manage', sql`g.region_code`)}`,
  );
}

export function siteExists(db: Db, tenantId: string, siteId: string) {
  return maybeOne<{ id: string }>(
    db,
    sql`SELECT id FROM practice_site WHERE tenant_id = ${tenantId} AND id = ${siteId}`,
  );
}

/** Insert a branch unless its community already has a head (or its grid a branch); false when it had. */
export async function insertBranch(
  tx: Db,
  tenantId: string,
  b: Omit<BranchRow, 'id'> & { id: string },
  at: Date,
): Promise<boolean> {
  const n = await affected(
    tx,
    sql`INSERT INTO timebank_branch (tenant_id, id, kind, name, parent_id, region_code, grid_id, site_id, created_at)
      VALUES (${tenantId}, ${b.id}, ${b.kind}, ${b.name}, ${b.parent_id}, ${b.region_code}, ${b.grid_id},
        ${b.site_id}, ${sqlTime(at)})
      ON CONFLICT DO NOTHING`,
  );
  return n > 0;
}

export async function updateBranch(
  tx: Db,
  tenantId: string,
  id: string,
  patch: { name?: string; siteId?: string | null },
): Promise<void> {
  const sets: SQL[] = [];
  if (patch.name !== undefined) sets.push(sql`name = ${patch.name}`);
  if (patch.siteId !== undefined) sets.push(sql`site_id = ${patch.siteId}`);
  if (!sets.length) return;
  await tx.execute(sql`UPDATE timebank_branch SET ${sql.join(sets, sql`, `)}
    WHERE tenant_id = ${tenantId} AND id = ${id}`);
}

export function listManagers(db: Db, tenantId: string, branchIds: string[]) {
  if (!branchIds.length) return Promise.resolve([]);
  return rows<{ branch_id: string; account_id: string; name: string }>(
    db,
    sql`SELECT m.branch_id, m.account_id, ac.display_name AS name FROM timebank_branch_manager m
      JOIN account ac ON ac.tenant_id = m.tenant_id AND ac.id = m.account_id
      WHERE m.tenant_id = ${tenantId} AND m.branch_id = ANY(${sql.param(branchIds)}::uuid[])
      ORDER BY ac.display_name, m.account_id`,
  );
}

/** The sign-in accounts of the tenant among `ids` (active ones). */
export function existingAccounts(db: Db, tenantId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return rows<{ id: string }>(
    db,
    sql`SELECT id FROM account WHERE tenant_id = ${tenantId} AND id = ANY(${sql.param(ids)}::uuid[])`,
  );
}

export async function replaceManagers(tx: Db, tenantId: string, branchId: string, ids: string[], at: Date) {
  await tx.execute(sql`DELETE FROM timebank_branch_manager WHERE tenant_id = ${tenantId} AND branch_id = ${branchId}`);
  if (ids.length)
    await tx.execute(sql`INSERT INTO timebank_branch_manager (tenant_id, branch_id, account_id, created_at)
      SELECT ${tenantId}, ${branchId}, x, ${sqlTime(at)} FROM unnest(${sql.param(ids)}::uuid[]) AS x
      ON CONFLICT DO NOTHING`);
}

/** Lock a time bank account for a move (no posting to it runs meanwhile) and read its branch and balance. */
export function lockAccountForMove(tx: Db, tenantId: string, id: string) {
  return maybeOne<{ id: string; holder_name: string; branch_id: string | null; region_code: string | null }>(
    tx,
    sql`SELECT a.id, a.holder_name, a.branch_id,
        (SELECT b.region_code FROM timebank_branch b WHERE b.tenant_id = a.tenant_id AND b.id = a.branch_id) AS region_code
      FROM timebank_account a WHERE a.tenant_id = ${tenantId} AND a.id = ${id} FOR UPDATE OF a`,
  );
}

export async function setAccountBranch(tx: Db, tenantId: string, id: string, branchId: string): Promise<void> {
  await tx.execute(
    sql`UPDATE timebank_account SET branch_id = ${branchId} WHERE tenant_id = ${tenantId} AND id = ${id}`,
  );
}

export interface ReconciliationSums {
  branch_id: string | null;
  opening: string | number;
  hours_in: string | number;
  hours_out: string | number;
  moved_in: string | number;
  moved_out: string | number;
}

/** Per branch (null: no branch): entries before the month, and the month's in / out / moved in / moved out. */
export function reconciliationSums(db: Db, tenantId: string, start: Date, end: Date) {
  return rows<ReconciliationSums>(
    db,
    sql`SELECT e.branch_id,
        coalesce(sum(e.amount) FILTER (WHERE e.created_at < ${sqlTime(start)}), 0) AS opening,
        coalesce(sum(e.amount) FILTER (WHERE e.created_at >= ${sqlTime(start)} AND e.amount > 0), 0) AS hours_in,
        coalesce(-sum(e.amount) FILTER (WHERE e.created_at >= ${sqlTime(start)} AND e.amount < 0), 0) AS hours_out,
        coalesce(sum(e.amount) FILTER (WHERE e.created_at >= ${sqlTime(start)} AND e.amount > 0
          AND j.kind = 'branch_move'), 0) AS moved_in,
        coalesce(-sum(e.amount) FILTER (WHERE e.created_at >= ${sqlTime(start)} AND e.amount < 0
          AND j.kind = 'branch_move'), 0) AS moved_out
      FROM timebank_entry e JOIN timebank_journal j ON j.tenant_id = e.tenant_id AND j.id = e.journal_id
      WHERE e.tenant_id = ${tenantId} AND e.created_at < ${sqlTime(end)}
      GROUP BY e.branch_id`,
  );
}

/** Sum of the balances of the accounts now in each branch (null: accounts of no branch). */
export function holdingsByBranch(db: Db, tenantId: string) {
  return rows<{ branch_id: string | null; holdings: string | number }>(
    db,
    sql`SELECT a.branch_id, coalesce(sum(e.amount), 0) AS holdings
      FROM timebank_entry e JOIN timebank_account a ON a.tenant_id = e.tenant_id AND a.id = e.account_id
      WHERE e.tenant_id = ${tenantId} GROUP BY a.branch_id`,
  );
}

/** Every branch the actor manages, with the names of its grid and community. */
export function branchesInScope(db: Db, actor: Actor) {
  return rows<BranchRow & { grid_name: string | null; region_name: string | null }>(
    db,
    sql`SELECT b.id, b.kind, b.name, b.parent_id, b.region_code, b.grid_id, b.site_id, g.name AS grid_name,
        r.name AS region_name
      FROM timebank_branch b LEFT JOIN grid g ON g.tenant_id = b.tenant_id AND g.id = b.grid_id
        LEFT JOIN region r ON r.tenant_id = b.tenant_id AND r.code = b.region_code
      WHERE b.tenant_id = ${actor.tenantId} AND ${branchScope(actor, 'timebank.manage')}
      ORDER BY b.region_code, b.kind DESC, b.name, b.id`,
  );
}
