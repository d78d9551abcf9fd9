// Use cases of selection campaigns: create, list, read and move through the stage machine of the contracts.
import {
  type Page,
  type SelectionCampaignBody,
  type SelectionCampaignListQuery,
  type SelectionCampaignView,
  type SelectionTransitionBody,
  campaignBodyProblems,
  nextSelectionStage,
  selectionKindCategories,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import { shanghaiDate } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { fail, invalidFields } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { campaignScope, campaignVisible, officeView, organiserRegion } from './selection.policy';
import {
  type CampaignRow,
  campaignColumns,
  campaignFrom,
  candidateIdsInState,
  findCampaign,
  insertCampaign,
  moveAllCandidates,
  setCampaignStage,
  toCampaignView,
} from './selection.repository';
import { closeVoting } from './tally.service';
import { openObjectionCount } from './vote.repository';

/** A campaign the actor may see (404 otherwise). */
export async function loadCampaign(db: Db, actor: Actor, id: string): Promise<CampaignRow> {
  const row = await findCampaign(db, actor.tenantId, id, campaignVisible(actor), officeView(actor));
  if (!row) throw fail('SELECTION_CAMPAIGN_NOT_FOUND');
  return row;
}

/** A campaign the actor manages (404 outside its scope, 403 without the permission). */
export async function loadManagedCampaign(db: Db, actor: Actor, id: string): Promise<CampaignRow> {
  requirePermission(actor, 'selection.manage');
  const row = await findCampaign(db, actor.tenantId, id, campaignScope(actor, 'selection.manage'), sql`true`);
  if (!row) throw fail('SELECTION_CAMPAIGN_NOT_FOUND');
  return row;
}

export async function getCampaign(db: Db, actor: Actor, id: string): Promise<SelectionCampaignView> {
  return toCampaignView(await loadCampaign(db, actor, id));
}

export function listCampaigns(
  db: Db,
  actor: Actor,
  q: SelectionCampaignListQuery,
): Promise<Page<SelectionCampaignView>> {
  const where = allOf(
    sql`sc.tenant_id = ${actor.tenantId}`,
    campaignVisible(actor),
    q.kind ? sql`sc.kind = ${q.kind}` : null,
    q.stage ? sql`sc.stage = ${q.stage}` : null,
  );
  return queryPage<CampaignRow, SelectionCampaignView>(
    db,
    { columns: campaignColumns(officeView(actor)), from: campaignFrom, where, orderBy: sql`sc.created_at DESC, sc.id` },
    q,
    toCampaignView,
  );
}

/** A new campaign, in draft; its classes default to every class of its kind. */
export async function createCampaign(db: Db, actor: Actor, body: SelectionCampaignBody) {
  requirePermission(actor, 'selection.manage');
  const problems = campaignBodyProblems(body);
  if (problems.length) throw invalidFields(problems);
  const regionCode = await organiserRegion(db, actor, body.regionCode);
  const id = newId();
  const categories = body.categories.length ? body.categories : [...selectionKindCategories[body.kind]];
  await db.transaction(async (tx) => {
    await insertCampaign(
      tx,
      actor.tenantId,
      {
        id,
        kind: body.kind,
        name: body.name,
        description: body.description ?? null,
        categories,
        quota: body.quota,
        voteRule: body.voteRule,
        regionCode,
        nominationStart: body.nominationStart,
        nominationEnd: body.nominationEnd,
        votingStart: body.votingStart,
        votingEnd: body.votingEnd,
        publicityStart: body.publicityStart,
        publicityEnd: body.publicityEnd,
      },
      actor.accountId,
      actor.now,
    );
    await writeAudit(tx, actor, {
      action: 'selection_campaign.create',
      objectType: 'selection_campaign',
      objectId: id,
      after: { ...body, categories, regionCode },
    });
  });
  return getCampaign(db, actor, id);
}

/**
 * Take a stage action. The contracts' machine says whether it is allowed; review needs every nomination checked;
 * closing the vote fixes the tally and puts the top candidates into 公示; naming waits for 公示 to end with every
 * objection answered.
 */
export async function transitionCampaign(db: Db, actor: Actor, id: string, body: SelectionTransitionBody) {
  const c = await loadManagedCampaign(db, actor, id);
  const to = nextSelectionStage(c.stage, body.action);
  if (!to) throw fail('SELECTION_STAGE_NOT_ALLOWED', { stage: c.stage, action: body.action });
  if (c.version !== body.version) throw fail('STALE_VERSION', { current: toCampaignView(c) });
  if (body.action === 'start_review') {
    const unchecked = await candidateIdsInState(db, actor.tenantId, id, 'nominated');
    if (unchecked.length) throw fail('SELECTION_STAGE_NOT_ALLOWED', { unchecked: unchecked.length });
  }
  if (body.action === 'name') {
    if (shanghaiDate(actor.now) <= c.publicity_end) throw fail('SELECTION_PUBLICITY_NOT_OVER');
    if ((await openObjectionCount(db, actor.tenantId, id)) > 0) throw fail('SELECTION_OBJECTIONS_OPEN');
  }
  let detail: Record<string, unknown> = {};
  await db.transaction(async (tx) => {
    if (!(await setCampaignStage(tx, actor.tenantId, id, body.version, to, actor.now)))
      throw fail('STALE_VERSION', { current: toCampaignView(c) });
    if (body.action === 'close_voting') detail = await closeVoting(tx, actor, c);
    if (body.action === 'name') {
      const named = await candidateIdsInState(tx, actor.tenantId, id, 'publicized');
      await moveAllCandidates(tx, actor.tenantId, id, 'publicized', 'named', actor.now);
      detail = { named: named.map((n) => ({ id: n.id, name: n.name })) };
    }
    await writeAudit(tx, actor, {
      action: `selection_campaign.${body.action === 'close' ? 'terminate' : body.action}`,
      objectType: 'selection_campaign',
      objectId: id,
      before: { stage: c.stage },
      after: { stage: to, note: body.note ?? null, ...detail },
    });
  });
  return getCampaign(db, actor, id);
}
