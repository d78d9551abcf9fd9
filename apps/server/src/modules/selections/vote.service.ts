// Public voting: a verified account casts one vote per candidate per day (or once, by the campaign's rule) during
// the voting window. The unique key (voter, candidate, vote day) decides — never a read before the write — and the
// live counter moves in the same transaction. Bursts from one network or device are stored flagged, counted apart.
import { VOTE_BURST_PER_MINUTE, type VoteResult } from '@wenming/contracts';
import { type Actor, requirePermission } from '../../platform/access';
import { shanghaiDate } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { loadCampaign } from './campaign.service';
import { loadCandidate } from './nomination.service';
import { insertVote, recentVotesFrom, voterHasPhone } from './vote.repository';

export interface VoteOrigin {
  network: string | null;
  device: string | null;
}

export async function castVote(db: Db, actor: Actor, candidateId: string, origin: VoteOrigin): Promise<VoteResult> {
  requirePermission(actor, 'selection.vote');
  if (!actor.accountId || !(await voterHasPhone(db, actor.tenantId, actor.accountId)))
    throw fail('SELECTION_VOTER_NOT_VERIFIED');
  const cand = await loadCandidate(db, actor, candidateId);
  const c = await loadCampaign(db, actor, cand.campaign_id);
  const today = shanghaiDate(actor.now);
  if (c.stage !== 'voting' || today < c.voting_start || today > c.voting_end) throw fail('SELECTION_VOTING_CLOSED');
  if (cand.state !== 'eligible') throw fail('SELECTION_CANDIDATE_NOT_VOTABLE');
  const voteDay = c.vote_rule === 'once' ? c.voting_start : today;
  const since = new Date(actor.now.getTime() - 60_000);
  const flagged = (await recentVotesFrom(db, actor.tenantId, c.id, origin, since)) >= VOTE_BURST_PER_MINUTE;
  const voterAccountId = actor.accountId;
  const counted = await db.transaction((tx) =>
    insertVote(
      tx,
      actor.tenantId,
      { id: newId(), campaignId: c.id, candidateId: cand.id, voterAccountId, voteDay, ...origin, flagged },
      actor.now,
    ),
  );
  if (!counted) throw fail('SELECTION_ALREADY_VOTED', { voteDay });
  return { counted: true, flagged, voteDay };
}
