// Tallies: live counters for the pages, and the final tally recounted from the vote records when voting closes.
import type { TallyView } from '@wenming/contracts';
import type { Actor } from '../../platform/access';
import type { Db } from '../../platform/db';
import { loadCampaign } from './campaign.service';
import { type CampaignRow, moveAllCandidates } from './selection.repository';
import { liveTally, recount, saveFinalVotes } from './vote.repository';

/** The live tally of a campaign from its counters; the public sees only the candidates on the ballot or named. */
export async function getTally(db: Db, actor: Actor, campaignId: string): Promise<TallyView> {
  const c = await loadCampaign(db, actor, campaignId);
  const states = !c.in_scope
    ? ['eligible', 'publicized', 'named']
    : ['eligible', 'publicized', 'named', 'not_selected', 'disqualified'];
  const found = await liveTally(db, actor.tenantId, c.id, states);
  return {
    campaignId: c.id,
    items: found.map((r) => ({
      candidateId: r.candidate_id,
      name: r.name,
      category: r.category,
      votes: Number(r.votes),
      flaggedVotes: Number(r.flagged_votes),
    })),
  };
}

/**
 * Close the vote inside the stage change's transaction: recount every candidate from the vote records (flagged
 * votes apart), fix the final tally, and put the top eligible candidates within the quota into 公示 — the rest are
 * passed over. Answers what the audit event records: the tally and whether the counters agreed with the recount.
 */
export async function closeVoting(tx: Db, actor: Actor, c: CampaignRow): Promise<Record<string, unknown>> {
  const counts = await recount(tx, actor.tenantId, c.id);
  const mismatched = counts.filter(
    (r) => Number(r.counted) !== Number(r.counter_votes) || Number(r.flagged) !== Number(r.counter_flagged),
  );
  await saveFinalVotes(
    tx,
    actor.tenantId,
    counts.map((r) => ({ id: r.candidate_id, votes: Number(r.counted) })),
  );
  const ranked = counts.filter((r) => r.state === 'eligible').sort((a, b) => Number(b.counted) - Number(a.counted));
  const top = ranked.slice(0, c.quota).map((r) => r.candidate_id);
  await moveAllCandidates(tx, actor.tenantId, c.id, 'eligible', 'publicized', actor.now, top);
  await moveAllCandidates(tx, actor.tenantId, c.id, 'eligible', 'not_selected', actor.now);
  return {
    tally: counts.map((r) => ({ candidateId: r.candidate_id, votes: Number(r.counted), flagged: Number(r.flagged) })),
    counterMatches: mismatched.length === 0,
    publicized: top,
  };
}
