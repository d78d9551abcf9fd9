// The three lists (issue 18): items raised or offered, claimed both ways (a unit or party member claims a need, the
// community claims an offered resource), reviewed, matched, done and confirmed by the resident who asked — or
// closed without that confirmation only after the set days, audited.
import {
  COMMUNITY_CLOSE_WITHOUT_CONFIRMATION_DAYS,
  type CommunityActionBody,
  type CommunityCategory,
  type CommunityClaimBody,
  type CommunityClaimStatus,
  type CommunityItemBody,
  type CommunityItemKind,
  type CommunityItemQuery,
  type CommunityItemSource,
  type CommunityItemView,
  type Page,
  communityTransitions,
  nextCommunityStatus,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can, requirePermission, scopeFilter } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fail, invalidFields } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { maybeOne } from '../../platform/sql';
import {
  type ItemRow,
  findItem,
  insertClaim,
  insertItem,
  listItems,
  setClaimStatus,
  stepItem,
  takeOpenItem,
} from './community.repository';
import { itemScope, manageScope } from './community.policy';
import { isoOrNull } from '../../platform/clock';

function view(r: ItemRow): CommunityItemView {
  return {
    id: r.id,
    kind: r.kind as CommunityItemKind,
    title: r.title,
    description: r.description,
    category: r.category as CommunityCategory,
    quantity: Number(r.quantity),
    dueDate: r.due_date,
    regionCode: r.region_code,
    gridId: r.grid_id,
    source: r.source as CommunityItemSource,
    ownerName: r.owner_name,
    status: r.status,
    claim: r.claim_id
      ? {
          id: r.claim_id,
          claimantName: r.claimant_name ?? '',
          unitId: r.claim_unit_id,
          status: r.claim_status as CommunityClaimStatus,
          note: r.claim_note,
          createdAt: isoOrNull(r.claim_at) ?? '',
        }
      : null,
    createdAt: isoOrNull(r.created_at) ?? '',
    doneAt: isoOrNull(r.done_at),
  };
}

export async function getItem(db: Db, actor: Actor, id: string): Promise<CommunityItemView> {
  requirePermission(actor, 'community.read');
  const row = await findItem(db, actor.tenantId, id, itemScope(actor));
  if (!row) throw fail('COMMUNITY_ITEM_NOT_FOUND');
  return view(row);
}

export async function listCommunityItems(
  db: Db,
  actor: Actor,
  q: CommunityItemQuery,
): Promise<Page<CommunityItemView>> {
  requirePermission(actor, 'community.read');
  const { items, total } = await listItems(db, actor.tenantId, q, itemScope(actor));
  return { items: items.map(view), total, page: q.page, pageSize: q.pageSize };
}

/** Record a need, an offered resource or a project in a community the actor manages. */
export async function createItem(db: Db, actor: Actor, body: CommunityItemBody): Promise<CommunityItemView> {
  requirePermission(actor, 'community.manage');
  const region = await maybeOne<{ code: string }>(
    db,
    sql`SELECT r.code FROM region r WHERE r.tenant_id = ${actor.tenantId} AND r.code = ${body.regionCode}
      AND ${scopeFilter(actor, 'community.manage', { regionCode: sql`r.code` })}`,
  );
  if (!region) throw invalidFields([{ field: 'regionCode', key: 'unknown_region' }]);
  if (body.gridId) {
    const grid = await maybeOne<{ id: string }>(
      db,
      sql`SELECT id FROM grid WHERE tenant_id = ${actor.tenantId} AND id = ${body.gridId}
        AND region_code = ${body.regionCode}`,
    );
    if (!grid) throw invalidFields([{ field: 'gridId', key: 'unknown_grid' }]);
  }
  const id = newId();
  await db.transaction(async (tx) => {
    await insertItem(tx, actor.tenantId, id, body, actor.accountId, actor.now);
    await writeAudit(tx, actor, {
      action: 'community_item.create',
      objectType: 'community_item',
      objectId: id,
      after: { kind: body.kind, title: body.title, category: body.category, regionCode: body.regionCode },
    });
  });
  return getItem(db, actor, id);
}

/**
 * Claim an open item: a unit or party member claims a need, the community claims an offered resource. The item
 * is taken by a conditional UPDATE (status = 'open'), so of many claims at once exactly one wins; the others 409.
 */
export async function claimItem(
  db: Db,
  actor: Actor,
  id: string,
  body: CommunityClaimBody,
): Promise<CommunityItemView> {
  if (!can(actor, 'community.claim')) requirePermission(actor, 'community.manage');
  const item = await findItem(db, actor.tenantId, id, itemScope(actor));
  if (!item) throw fail('COMMUNITY_ITEM_NOT_FOUND');
  if (item.kind === 'need' && !can(actor, 'community.claim')) requirePermission(actor, 'community.claim');
  if (item.kind === 'resource') requirePermission(actor, 'community.manage');
  await db.transaction(async (tx) => {
    if (!(await takeOpenItem(tx, actor.tenantId, id))) throw fail('COMMUNITY_ALREADY_CLAIMED');
    const claimId = newId();
    await insertClaim(
      tx,
      actor.tenantId,
      {
        id: claimId,
        itemId: id,
        claimantName: body.claimantName,
        unitId: body.unitId ?? null,
        accountId: actor.accountId,
      },
      body.note ?? null,
      actor.now,
    );
    await writeAudit(tx, actor, {
      action: 'community_item.claim',
      objectType: 'community_item',
      objectId: id,
      after: { claimId, claimant: body.claimantName, unitId: body.unitId ?? null },
    });
  });
  return getItem(db, actor, id);
}

const claimStatusAfter: Partial<Record<CommunityActionBody['action'], CommunityClaimStatus>> = {
  approve: 'accepted',
  reject: 'rejected',
  complete: 'done',
};

/** A step of the item's lifecycle (communityTransitions); who may take it depends on the step. */
export async function actOnItem(
  db: Db,
  actor: Actor,
  id: string,
  body: CommunityActionBody,
): Promise<CommunityItemView> {
  requirePermission(actor, 'community.read');
  const item = await findItem(db, actor.tenantId, id, itemScope(actor));
  if (!item) throw fail('COMMUNITY_ITEM_NOT_FOUND');
  const managed = !!(await findItem(db, actor.tenantId, id, manageScope(actor)));
  const claimant = !!actor.accountId && item.claim_id !== null && (await isClaimant(db, actor, item.claim_id));
  const a = body.action;
  if ((a === 'approve' || a === 'reject' || a === 'close') && !managed) throw fail('FORBIDDEN');
  if (a === 'complete' && !managed && !claimant) throw fail('FORBIDDEN');
  if (a === 'confirm') {
    const requester = item.requester_account_id;
    if (requester ? requester !== actor.accountId : !managed) throw fail('COMMUNITY_CONFIRM_NOT_REQUESTER');
  }
  if (!nextCommunityStatus(item.status, a)) throw fail('COMMUNITY_ACTION_NOT_ALLOWED', { status: item.status });
  if (a === 'close' && item.requester_account_id && item.done_at) {
    const allowedAt = new Date(item.done_at).getTime() + COMMUNITY_CLOSE_WITHOUT_CONFIRMATION_DAYS * 86_400_000;
    if (actor.now.getTime() < allowedAt)
      throw fail('COMMUNITY_CLOSE_TOO_EARLY', { days: COMMUNITY_CLOSE_WITHOUT_CONFIRMATION_DAYS });
  }
  const t = communityTransitions[a];
  await db.transaction(async (tx) => {
    if (!(await stepItem(tx, actor.tenantId, id, t.from, t.to, actor.now)))
      throw fail('COMMUNITY_ACTION_NOT_ALLOWED', { status: item.status });
    const claimStatus = claimStatusAfter[a];
    if (claimStatus && item.claim_id) await setClaimStatus(tx, actor.tenantId, item.claim_id, claimStatus);
    await writeAudit(tx, actor, {
      action: `community_item.${a}`,
      objectType: 'community_item',
      objectId: id,
      before: { status: item.status },
      after: { status: t.to, note: body.note ?? null, withoutConfirmation: a === 'close' },
    });
  });
  return getItem(db, actor, id);
}

async function isClaimant(db: Db, actor: Actor, claimId: string): Promise<boolean> {
  const row = await maybeOne<{ id: string }>(
    db,
    sql`SELECT id FROM community_claim WHERE tenant_id = ${actor.tenantId} AND id = ${claimId}
      AND account_id = ${actor.accountId}`,
  );
  return !!row;
}
