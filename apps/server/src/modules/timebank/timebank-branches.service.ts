// Branches run from the UI (issue 18): a community's head branch (总行) and its grid branches (分行), their
// managers, and moving an account with its balance to another branch of the community through a journal.
import {
  type TimebankBranchBody,
  type TimebankBranchPatch,
  type TimebankBranchView,
  type TimebankManagerView,
  type TimebankMoveBody,
  type TimebankMoveResult,
  fromCenti,
} from '@wenming/contracts';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fail, invalidFields } from '../../platform/errors';
import { newId } from '../../platform/ids';
import {
  type BranchRow,
  existingAccounts,
  findBranch,
  findManagedGrid,
  findManagedRegion,
  insertBranch,
  listManagers,
  lockAccountForMove,
  replaceManagers,
  setAccountBranch,
  siteExists,
  updateBranch,
} from './timebank-branches.repository';
import { balanceCenti, postJournal } from './timebank-ledger';
import { listBranches } from './timebank-statement.service';
import { ACCOUNT_FROM, accountScope } from './timebank.policy';
import { sql } from 'drizzle-orm';
import { maybeOne } from '../../platform/sql';

async function viewOf(db: Db, actor: Actor, id: string): Promise<TimebankBranchView> {
  const found = (await listBranches(db, actor)).find((b) => b.id === id);
  if (!found) throw fail('TIMEBANK_BRANCH_NOT_FOUND');
  return found;
}

async function checkSite(db: Db, tenantId: string, siteId: string | null | undefined): Promise<void> {
  if (siteId && !(await siteExists(db, tenantId, siteId)))
    throw invalidFields([{ field: 'siteId', key: 'unknown_site' }]);
}

/** Open a head branch for a community, or a grid branch under its community's head branch (409 when it exists). */
export async function createBranch(db: Db, actor: Actor, body: TimebankBranchBody): Promise<TimebankBranchView> {
  requirePermission(actor, 'timebank.manage');
  await checkSite(db, actor.tenantId, body.siteId);
  let row: BranchRow;
  if (body.kind === 'head') {
    const region = await findManagedRegion(db, actor, body.regionCode);
    if (!region) throw invalidFields([{ field: 'regionCode', key: 'unknown_region' }]);
    row = {
      id: newId(),
      kind: 'head',
      name: body.name,
      parent_id: null,
      region_code: region.code,
      grid_id: null,
      site_id: body.siteId ?? null,
    };
  } else {
    const grid = await findManagedGrid(db, actor, body.gridId);
    if (!grid) throw invalidFields([{ field: 'gridId', key: 'unknown_grid' }]);
    if (!grid.head_id) throw fail('TIMEBANK_HEAD_BRANCH_MISSING');
    row = {
      id: newId(),
      kind: 'branch',
      name: body.name,
      parent_id: grid.head_id,
      region_code: grid.region_code,
      grid_id: grid.id,
      site_id: body.siteId ?? null,
    };
  }
  await db.transaction(async (tx) => {
    if (!(await insertBranch(tx, actor.tenantId, row, actor.now))) throw fail('TIMEBANK_BRANCH_EXISTS');
    await writeAudit(tx, actor, {
      action: 'timebank_branch.create',
      objectType: 'timebank_branch',
      objectId: row.id,
      after: { kind: row.kind, name: row.name, regionCode: row.region_code, gridId: row.grid_id, siteId: row.site_id },
    });
  });
  return viewOf(db, actor, row.id);
}

/** Rename a branch or change the practice site that runs it. */
export async function editBranch(
  db: Db,
  actor: Actor,
  id: string,
  patch: TimebankBranchPatch,
): Promise<TimebankBranchView> {
  requirePermission(actor, 'timebank.manage');
  const before = await findBranch(db, actor, id, 'timebank.manage');
  if (!before) throw fail('TIMEBANK_BRANCH_NOT_FOUND');
  await checkSite(db, actor.tenantId, patch.siteId);
  await db.transaction(async (tx) => {
    await updateBranch(tx, actor.tenantId, id, patch);
    await writeAudit(tx, actor, {
      action: 'timebank_branch.update',
      objectType: 'timebank_branch',
      objectId: id,
      before: { name: before.name, siteId: before.site_id },
      after: patch,
    });
  });
  return viewOf(db, actor, id);
}

/** The managers of a branch. */
export async function branchManagers(db: Db, actor: Actor, id: string): Promise<TimebankManagerView[]> {
  requirePermission(actor, 'timebank.read');
  if (!(await findBranch(db, actor, id, 'timebank.read'))) throw fail('TIMEBANK_BRANCH_NOT_FOUND');
  return (await listManagers(db, actor.tenantId, [id])).map((m) => ({ accountId: m.account_id, name: m.name }));
}

/** Set the managers of a branch (the whole list; unknown sign-in accounts are a 400 naming the field). */
export async function setBranchManagers(
  db: Db,
  actor: Actor,
  id: string,
  accountIds: string[],
): Promise<TimebankManagerView[]> {
  requirePermission(actor, 'timebank.manage');
  if (!(await findBranch(db, actor, id, 'timebank.manage'))) throw fail('TIMEBANK_BRANCH_NOT_FOUND');
  const ids = [...new Set(accountIds)];
  const known = new Set((await existingAccounts(db, actor.tenantId, ids)).map((a) => a.id));
  if (ids.some((a) => !known.has(a))) throw invalidFields([{ field: 'accountIds', key: 'unknown_account' }]);
  await db.transaction(async (tx) => {
    await replaceManagers(tx, actor.tenantId, id, ids, actor.now);
    await writeAudit(tx, actor, {
      action: 'timebank_branch.assign',
      objectType: 'timebank_branch',
      objectId: id,
      after: { managers: ids },
    });
  });
  return branchManagers(db, actor, id);
}

/**
 * Move an account to another branch within a transaction that holds the account FOR UPDATE (every posting takes
 * it FOR SHARE first, so none runs meanwhile): its balance leaves the old branch and enters the new one in one
 * journal of two entries on the account itself, so no hours appear or vanish and the account's balance stays.
 */
export async function moveAccountTx(
  tx: Db,
  actor: Actor,
  accountId: string,
  to: { id: string; name: string; region_code: string },
  memo: string | null,
): Promise<Omit<TimebankMoveResult, 'fromBranch' | 'toBranch'> & { fromBranchId: string | null }> {
  const acc = await lockAccountForMove(tx, actor.tenantId, accountId);
  if (!acc) throw fail('TIMEBANK_ACCOUNT_NOT_FOUND');
  if (acc.branch_id === to.id) throw fail('TIMEBANK_SAME_BRANCH');
  if (acc.region_code && acc.region_code !== to.region_code) throw fail('TIMEBANK_BRANCH_OTHER_COMMUNITY');
  const centi = await balanceCenti(tx, actor.tenantId, accountId);
  await setAccountBranch(tx, actor.tenantId, accountId, to.id);
  let journalId: string | null = null;
  if (centi !== 0) {
    const posted = await postJournal(tx, actor, {
      kind: 'branch_move',
      sourceKind: 'branch_move',
      sourceId: newId(),
      memo: memo ?? `转至${to.name}`,
      legs: [
        { accountId, centi: -centi, branchId: acc.branch_id },
        { accountId, centi, branchId: to.id },
      ],
    });
    journalId = posted.journalId;
  }
  await writeAudit(tx, actor, {
    action: 'timebank.branch_move',
    objectType: 'timebank_account',
    objectId: accountId,
    before: { branchId: acc.branch_id },
    after: { branchId: to.id, hours: fromCenti(centi), journalId },
  });
  return { accountId, hours: fromCenti(centi), journalId, fromBranchId: acc.branch_id };
}

/** Move an account in the actor's manage scope to a branch in it (same community). */
export async function moveAccount(
  db: Db,
  actor: Actor,
  accountId: string,
  body: TimebankMoveBody,
): Promise<TimebankMoveResult> {
  requirePermission(actor, 'timebank.manage');
  const target = await findBranch(db, actor, body.branchId, 'timebank.manage');
  if (!target) throw invalidFields([{ field: 'branchId', key: 'unknown_branch' }]);
  const own = await maybeOne<{ id: string; branch_name: string | null }>(
    db,
    sql`SELECT a.id, b.name AS branch_name FROM ${ACCOUNT_FROM} WHERE a.tenant_id = ${actor.tenantId}
      AND a.id = ${accountId} AND a.kind IN ('volunteer', 'resident') AND ${accountScope(actor, 'timebank.manage')}`,
  );
  if (!own) throw fail('TIMEBANK_ACCOUNT_NOT_FOUND');
  const moved = await db.transaction((tx) => moveAccountTx(tx, actor, accountId, target, body.memo ?? null));
  return {
    accountId,
    hours: moved.hours,
    journalId: moved.journalId,
    fromBranch: moved.fromBranchId ? { id: moved.fromBranchId, name: own.branch_name ?? '' } : null,
    toBranch: { id: target.id, name: target.name },
  };
}
