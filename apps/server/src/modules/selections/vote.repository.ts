// Queries of votes, live tallies, objections and the public honour roll. A vote is one INSERT … ON CONFLICT DO
// NOTHING against the unique (voter, candidate, vote day); its counter moves in the same transaction.
import type { ObjectionStatus, ObjectionView, SelectionCategory } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { maybeOne, one, rows, sqlTime } from '../../platform/sql';

export interface NewVote {
  id: string;
  campaignId: string;
  candidateId: string;
  voterAccountId: string;
  voteDay: string;
  network: string | null;
  device: string | null;
  flagged: boolean;
}

/** Store a vote and move its counter; false (nothing stored, nothing counted) when the voter already voted. */
export async function insertVote(tx: Db, tenantId: string, v: NewVote, at: Date): Promise<boolean> {
  const stored = await maybeOne<{ id: string }>(
    tx,
    sql`INSERT INTO selection_vote (tenant_id, id, campaign_id, candidate_id, voter_account_id, vote_day, cast_at,
      network, device, flagged)
    VALUES (${tenantId}, ${v.id}, ${v.campaignId}, ${v.candidateId}, ${v.voterAccountId}, ${v.voteDay}::date,
      ${sqlTime(at)}, ${v.network}, ${v.device}, ${v.flagged})
    ON CONFLICT (tenant_id, voter_account_id, candidate_id, vote_day) DO NOTHING RETURNING id`,
  );
  if (!stored) return false;
  const counted = v.flagged ? 0 : 1;
  await tx.execute(sql`INSERT INTO selection_tally (tenant_id, candidate_id, campaign_id, votes, flagged_votes)
    VALUES (${tenantId}, ${v.candidateId}, ${v.campaignId}, ${counted}, ${1 - counted})
    ON CONFLICT (tenant_id, candidate_id) DO UPDATE SET votes = selection_tally.votes + EXCLUDED.votes,
      flagged_votes = selection_tally.flagged_votes + EXCLUDED.flagged_votes`);
  return true;
}

/** Votes of a campaign cast from one network or device since `since` (the burst check). */
export async function recentVotesFrom(
  db: Db,
  tenantId: string,
  campaignId: string,
  from: { network: string | null; device: string | null },
  since: Date,
): Promise<number> {
  const r = await one<{ n: number }>(
    db,
    sql`SELECT
      (CASE WHEN ${from.network}::text IS NULL THEN 0 ELSE (SELECT count(*)::int FROM selection_vote
        WHERE tenant_id = ${tenantId} AND campaign_id = ${campaignId} AND network = ${from.network}
          AND cast_at > ${sqlTime(since)}) END)
      + (CASE WHEN ${from.device}::text IS NULL THEN 0 ELSE (SELECT count(*)::int FROM selection_vote
        WHERE tenant_id = ${tenantId} AND campaign_id = ${campaignId} AND device = ${from.device}
          AND cast_at > ${sqlTime(since)}) END) AS n`,
  );
  return Number(r.n);
}

export interface TallyRow {
  candidate_id: string;
  name: string;
  category: SelectionCategory;
  votes: number;
  flagged_votes: number;
}

/** The live counters of a campaign's candidates, most votes first (no count over the vote table). */
export function liveTally(db: Db, tenantId: string, campaignId: string, states: readonly string[]) {
  return rows<TallyRow>(
    db,
    sql`SELECT cd.id AS candidate_id, cd.name, cd.category, COALESCE(tl.votes, 0) AS votes,
      COALESCE(tl.flagged_votes, 0) AS flagged_votes
    FROM selection_candidate cd
    LEFT JOIN selection_tally tl ON tl.tenant_id = cd.tenant_id AND tl.candidate_id = cd.id
    WHERE cd.tenant_id = ${tenantId} AND cd.campaign_id = ${campaignId}
      AND cd.state = ANY(${sql.param([...states])}::text[])
    ORDER BY COALESCE(tl.votes, 0) DESC, cd.created_at, cd.id`,
  );
}

/** The tally recounted from the vote records, next to the live counters, per candidate of a campaign. */
export function recount(db: Db, tenantId: string, campaignId: string) {
  return rows<{
    candidate_id: string;
    state: string;
    counted: number;
    flagged: number;
    counter_votes: number;
    counter_flagged: number;
  }>(
    db,
    sql`SELECT cd.id AS candidate_id, cd.state,
      (SELECT count(*)::int FROM selection_vote v WHERE v.tenant_id = cd.tenant_id AND v.candidate_id = cd.id
        AND NOT v.flagged) AS counted,
      (SELECT count(*)::int FROM selection_vote v WHERE v.tenant_id = cd.tenant_id AND v.candidate_id = cd.id
        AND v.flagged) AS flagged,
      COALESCE(tl.votes, 0) AS counter_votes, COALESCE(tl.flagged_votes, 0) AS counter_flagged
    FROM selection_candidate cd
    LEFT JOIN selection_tally tl ON tl.tenant_id = cd.tenant_id AND tl.candidate_id = cd.id
    WHERE cd.tenant_id = ${tenantId} AND cd.campaign_id = ${campaignId}
    ORDER BY cd.created_at, cd.id`,
  );
}

/** Fix each candidate's final tally. */
export async function saveFinalVotes(tx: Db, tenantId: string, finals: { id: string; votes: number }[]) {
  if (!finals.length) return;
  await tx.execute(sql`UPDATE selection_candidate cd SET final_votes = x.votes
    FROM jsonb_to_recordset(${JSON.stringify(finals)}::jsonb) AS x(id uuid, votes int)
    WHERE cd.tenant_id = ${tenantId} AND cd.id = x.id`);
}

/** Whether an account's person has a phone on record (a verified voter). */
export async function voterHasPhone(db: Db, tenantId: string, accountId: string): Promise<boolean> {
  const r = await maybeOne<{ ok: boolean }>(
    db,
    sql`SELECT (p.phone_enc IS NOT NULL) AS ok FROM account a
      JOIN person p ON p.tenant_id = a.tenant_id AND p.id = a.person_id
    WHERE a.tenant_id = ${tenantId} AND a.id = ${accountId} AND NOT a.is_disabled`,
  );
  return !!r?.ok;
}

// ---- Objections ------------------------------------------------------------------------------------------------

interface ObjectionRow {
  id: string;
  campaign_id: string;
  candidate_id: string;
  candidate_name: string;
  content: string;
  file_ids: string[];
  status: ObjectionStatus;
  answer: string | null;
  upheld: boolean | null;
  answered_at: Date | string | null;
  created_at: Date | string;
}

const objectionSelect = sql`SELECT o.id, o.campaign_id, o.candidate_id, cd.name AS candidate_name, o.content,
    o.file_ids, o.status, o.answer, o.upheld, o.answered_at, o.created_at
  FROM selection_objection o
  JOIN selection_candidate cd ON cd.tenant_id = o.tenant_id AND cd.id = o.candidate_id`;

const toObjectionView = (r: ObjectionRow): ObjectionView => ({
  id: r.id,
  campaignId: r.campaign_id,
  candidateId: r.candidate_id,
  candidateName: r.candidate_name,
  content: r.content,
  fileIds: r.file_ids ?? [],
  status: r.status,
  answer: r.answer,
  upheld: r.upheld,
  answeredAt: r.answered_at ? new Date(r.answered_at).toISOString() : null,
  createdAt: new Date(r.created_at).toISOString(),
});

export async function listObjections(db: Db, tenantId: string, campaignId: string): Promise<ObjectionView[]> {
  const found = await rows<ObjectionRow>(
    db,
    sql`${objectionSelect} WHERE o.tenant_id = ${tenantId} AND o.campaign_id = ${campaignId}
      ORDER BY o.created_at, o.id`,
  );
  return found.map(toObjectionView);
}

export async function findObjection(db: Db, tenantId: string, id: string): Promise<ObjectionView | null> {
  const r = await maybeOne<ObjectionRow>(db, sql`${objectionSelect} WHERE o.tenant_id = ${tenantId} AND o.id = ${id}`);
  return r ? toObjectionView(r) : null;
}

export async function insertObjection(
  tx: Db,
  tenantId: string,
  o: { id: string; campaignId: string; candidateId: string; by: string | null; content: string; fileIds: string[] },
  at: Date,
) {
  await tx.execute(sql`INSERT INTO selection_objection (tenant_id, id, campaign_id, candidate_id,
      submitter_account_id, content, file_ids, status, created_at)
    VALUES (${tenantId}, ${o.id}, ${o.campaignId}, ${o.candidateId}, ${o.by}, ${o.content},
      ${sql.param(o.fileIds)}::uuid[], 'open', ${sqlTime(at)})`);
}

/** Answer an open objection; false when it was answered already. */
export async function answerObjection(
  tx: Db,
  tenantId: string,
  id: string,
  a: { answer: string; upheld: boolean; by: string | null },
  at: Date,
): Promise<boolean> {
  const r = await maybeOne<{ id: string }>(
    tx,
    sql`UPDATE selection_objection SET status = 'answered', answer = ${a.answer}, upheld = ${a.upheld},
      answered_by = ${a.by}, answered_at = ${sqlTime(at)}
    WHERE tenant_id = ${tenantId} AND id = ${id} AND status = 'open' RETURNING id`,
  );
  return !!r;
}

export async function openObjectionCount(db: Db, tenantId: string, campaignId: string): Promise<number> {
  const r = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM selection_objection
      WHERE tenant_id = ${tenantId} AND campaign_id = ${campaignId} AND status = 'open'`,
  );
  return Number(r.n);
}
