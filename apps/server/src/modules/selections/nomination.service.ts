// Nominations and the eligibility check: nominating during the nomination window (one person once per campaign),
// and the office approving or rejecting each nomination with a reason.
import {
  type CandidateListQuery,
  type CandidateView,
  type EligibilityBody,
  type NominationBody,
  type Page,
  checkingStages,
  maskPhone,
  nextCandidateState,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import { shanghaiDate } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import type { PiiCipher } from '../../platform/crypto';
import type { Db } from '../../platform/db';
import { fail, invalidFields } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { loadCampaign, loadManagedCampaign } from './campaign.service';
import { assertOwnFiles, campaignVisible } from './selection.policy';
import {
  type CandidateRow,
  candidateColumns,
  candidateFrom,
  findByPersonKey,
  findCandidate,
  insertCandidate,
  setCandidateState,
  toCandidateView,
} from './selection.repository';

/** What the public sees of candidates: those on the ballot, in 公示 or named. */
const publicStates = ['eligible', 'publicized', 'named'];

/** The key telling one nominee from another: name and phone, blind-indexed. */
export const personKeyOf = (cipher: PiiCipher, name: string, phone: string) =>
  cipher.blindIndex(`selection|${name.replace(/\s+/g, '')}|${phone}`);

/**
 * A candidate the actor may see, with whether it sees it as the campaign's office: the public (and an office
 * outside the campaign's region) sees only those on the ballot or after. 404 otherwise; 403 without any selection
 * permission.
 */
export async function loadCandidateFor(db: Db, actor: Actor, id: string) {
  campaignVisible(actor);
  const row = await findCandidate(db, actor.tenantId, id);
  if (!row) throw fail('SELECTION_CANDIDATE_NOT_FOUND');
  const campaign = await loadCampaign(db, actor, row.campaign_id).catch(() => {
    throw fail('SELECTION_CANDIDATE_NOT_FOUND');
  });
  if (!campaign.in_scope && !publicStates.includes(row.state)) throw fail('SELECTION_CANDIDATE_NOT_FOUND');
  return { row, campaign };
}

export async function loadCandidate(db: Db, actor: Actor, id: string): Promise<CandidateRow> {
  return (await loadCandidateFor(db, actor, id)).row;
}

export async function getCandidate(db: Db, actor: Actor, id: string): Promise<CandidateView> {
  const { row, campaign } = await loadCandidateFor(db, actor, id);
  return toCandidateView(row, { showPhone: campaign.in_scope });
}

export async function listCandidates(
  db: Db,
  actor: Actor,
  campaignId: string,
  q: CandidateListQuery,
): Promise<Page<CandidateView>> {
  const c = await loadCampaign(db, actor, campaignId);
  const pub = !c.in_scope;
  const where = allOf(
    sql`cd.tenant_id = ${actor.tenantId}`,
    sql`cd.campaign_id = ${c.id}`,
    pub ? sql`cd.state = ANY(${sql.param(publicStates)}::text[])` : null,
    q.state ? sql`cd.state = ${q.state}` : null,
    q.category ? sql`cd.category = ${q.category}` : null,
  );
  return queryPage<CandidateRow, CandidateView>(
    db,
    { columns: candidateColumns, from: candidateFrom, where, orderBy: sql`cd.created_at, cd.id` },
    q,
    (r) => toCandidateView(r, { showPhone: !pub }),
  );
}

/**
 * Nominate someone while nominations are open (stage and window). The same person twice in one campaign is 409
 * SELECTION_DUPLICATE_NOMINATION — the unique key decides, so two simultaneous nominations store one. A resend of
 * the nominator's own nomination (same id) answers it again.
 */
export async function nominate(ctx: AppContext, actor: Actor, campaignId: string, body: NominationBody) {
  requirePermission(actor, 'selection.nominate');
  const c = await loadCampaign(ctx.db, actor, campaignId);
  const today = shanghaiDate(actor.now);
  if (c.stage !== 'nominating' || today < c.nomination_start || today > c.nomination_end)
    throw fail('SELECTION_NOMINATION_CLOSED');
  if (!c.categories.includes(body.category)) throw invalidFields([{ field: 'category', key: 'invalid_value' }]);
  if ((body.source === 'unit' || body.source === 'organisation') && !body.nominatorName)
    throw invalidFields([{ field: 'nominatorName', key: 'required' }]);
  await assertOwnFiles(ctx.db, actor, body.photoFileIds, 'photoFileIds');
  const id = body.id ?? newId();
  const personKey = personKeyOf(ctx.cipher, body.name, body.phone);
  await ctx.db.transaction(async (tx) => {
    const stored = await insertCandidate(
      tx,
      actor.tenantId,
      {
        id,
        campaignId: c.id,
        category: body.category,
        source: body.source,
        name: body.name,
        personKey,
        phoneEnc: ctx.cipher.encrypt(body.phone),
        phoneMasked: maskPhone(body.phone) ?? '',
        regionCode: body.regionCode ?? null,
        nominatorAccountId: actor.accountId,
        nominatorName: body.nominatorName ?? null,
        story: body.story,
        photoFileIds: body.photoFileIds,
      },
      actor.now,
    );
    if (!stored) {
      const same = await findByPersonKey(tx, actor.tenantId, c.id, personKey);
      if (same?.id === id && same.nominator_account_id === actor.accountId) return;
      throw fail('SELECTION_DUPLICATE_NOMINATION');
    }
    await writeAudit(tx, actor, {
      action: 'selection_candidate.nominate',
      objectType: 'selection_candidate',
      objectId: id,
      after: { ...body, phone: maskPhone(body.phone), campaignId: c.id },
    });
  });
  const row = await findCandidate(ctx.db, actor.tenantId, id);
  if (!row) throw fail('SELECTION_CANDIDATE_NOT_FOUND');
  return toCandidateView(row, { showPhone: c.in_scope });
}

/** The eligibility check: approve, or reject with a reason, while nominating or checking. */
export async function checkCandidate(db: Db, actor: Actor, id: string, body: EligibilityBody) {
  const row = await findCandidate(db, actor.tenantId, id);
  if (!row) throw fail('SELECTION_CANDIDATE_NOT_FOUND');
  const c = await loadManagedCampaign(db, actor, row.campaign_id).catch(() => {
    throw can(actor, 'selection.manage') ? fail('SELECTION_CANDIDATE_NOT_FOUND') : fail('FORBIDDEN');
  });
  if (!checkingStages.includes(c.stage)) throw fail('SELECTION_CHECK_NOT_OPEN');
  const to = nextCandidateState(row.state, body.decision);
  if (!to) throw fail('SELECTION_CANDIDATE_TRANSITION_NOT_ALLOWED', { state: row.state, action: body.decision });
  await db.transaction(async (tx) => {
    const moved = await setCandidateState(
      tx,
      actor.tenantId,
      id,
      { from: row.state, to, version: body.version, reason: body.reason ?? null, by: actor.accountId },
      actor.now,
    );
    if (!moved) throw fail('STALE_VERSION', { current: toCandidateView(row, { showPhone: true }) });
    await writeAudit(tx, actor, {
      action: `selection_candidate.${body.decision}`,
      objectType: 'selection_candidate',
      objectId: id,
      before: { state: row.state },
      after: { state: to, reason: body.reason ?? null },
    });
  });
  return getCandidate(db, actor, id);
}
