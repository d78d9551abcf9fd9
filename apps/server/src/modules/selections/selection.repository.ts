// Queries of selection campaigns and candidates: view columns, rows and the writes of nominations and checks.
import {
  type CandidateState,
  type CandidateView,
  type NominationSource,
  type SelectionCampaignView,
  type SelectionCategory,
  type SelectionKind,
  type SelectionStage,
  type VoteRule,
  selectionStageActionsFrom,
} from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { affected, maybeOne, rows, sqlTime } from '../../platform/sql';
import { isoOrNull } from '../../platform/clock';

export interface CampaignRow {
  id: string;
  kind: SelectionKind;
  name: string;
  description: string | null;
  categories: SelectionCategory[];
  quota: number;
  vote_rule: VoteRule;
  region_code: string;
  region_name: string | null;
  nomination_start: string;
  nomination_end: string;
  voting_start: string;
  voting_end: string;
  publicity_start: string;
  publicity_end: string;
  stage: SelectionStage;
  candidate_count: number;
  /** True when the actor sees this campaign as its office (all candidates, phones), not as the public. */
  in_scope: boolean;
  named_at: Date | string | null;
  version: number;
  created_at: Date | string;
}

/** The columns of a campaign view; `officeView` is true where the actor sees it as its office. */
export const campaignColumns = (
  officeView: SQL,
) => sql`(${officeView}) AS in_scope, sc.id, sc.kind, sc.name, sc.description, sc.categories, sc.quota, sc.vote_rule,
  sc.region_code, rg.name AS region_name, sc.nomination_start::text AS nomination_start,
  sc.nomination_end::text AS nomination_end, sc.voting_start::text AS voting_start, sc.voting_end::text AS voting_end,
  sc.publicity_start::text AS publicity_start, sc.publicity_end::text AS publicity_end, sc.stage,
  (SELECT count(*)::int FROM selection_candidate cc WHERE cc.tenant_id = sc.tenant_id AND cc.campaign_id = sc.id)
    AS candidate_count,
  sc.named_at, sc.version, sc.created_at`;
export const campaignFrom = sql`selection_campaign sc
  LEFT JOIN region rg ON rg.tenant_id = sc.tenant_id AND rg.code = sc.region_code`;

export function toCampaignView(r: CampaignRow): SelectionCampaignView {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    description: r.description,
    categories: r.categories,
    quota: r.quota,
    voteRule: r.vote_rule,
    regionCode: r.region_code,
    regionName: r.region_name,
    nominationStart: r.nomination_start,
    nominationEnd: r.nomination_end,
    votingStart: r.voting_start,
    votingEnd: r.voting_end,
    publicityStart: r.publicity_start,
    publicityEnd: r.publicity_end,
    stage: r.stage,
    actions: selectionStageActionsFrom(r.stage),
    candidateCount: Number(r.candidate_count),
    namedAt: isoOrNull(r.named_at),
    version: r.version,
    createdAt: isoOrNull(r.created_at) ?? '',
  };
}

/** One campaign of the tenant matching `visible`, or null. */
export function findCampaign(
  db: Db,
  tenantId: string,
  id: string,
  visible: SQL,
  officeView: SQL,
): Promise<CampaignRow | null> {
  return maybeOne<CampaignRow>(
    db,
    sql`SELECT ${campaignColumns(officeView)} FROM ${campaignFrom} WHERE sc.tenant_id = ${tenantId} AND sc.id = ${id} AND ${visible}`,
  );
}

export interface NewCampaign {
  id: string;
  kind: SelectionKind;
  name: string;
  description: string | null;
  categories: SelectionCategory[];
  quota: number;
  voteRule: VoteRule;
  regionCode: string;
  nominationStart: string;
  nominationEnd: string;
  votingStart: string;
  votingEnd: string;
  publicityStart: string;
  publicityEnd: string;
}

export async function insertCampaign(tx: Db, tenantId: string, c: NewCampaign, by: string | null, at: Date) {
  await tx.execute(sql`INSERT INTO selection_campaign (tenant_id, id, kind, name, description, categories, quota,
      vote_rule, region_code, nomination_start, nomination_end, voting_start, voting_end, publicity_start,
      publicity_end, stage, created_by, created_at, updated_at)
    VALUES (${tenantId}, ${c.id}, ${c.kind}, ${c.name}, ${c.description}, ${sql.param(c.categories)}::text[],
      ${c.quota}, ${c.voteRule}, ${c.regionCode}, ${c.nominationStart}::date, ${c.nominationEnd}::date,
      ${c.votingStart}::date, ${c.votingEnd}::date, ${c.publicityStart}::date, ${c.publicityEnd}::date, 'draft',
      ${by}, ${sqlTime(at)}, ${sqlTime(at)})`);
}

/** Move a campaign to `to` when it is still at `version`; false when someone changed it first. */
export async function setCampaignStage(
  tx: Db,
  tenantId: string,
  id: string,
  version: number,
  to: SelectionStage,
  at: Date,
): Promise<boolean> {
  const n = await affected(
    tx,
    sql`UPDATE selection_campaign SET stage = ${to}, version = version + 1, updated_at = ${sqlTime(at)},
      named_at = CASE WHEN ${to} = 'named' THEN ${sqlTime(at)} ELSE named_at END
    WHERE tenant_id = ${tenantId} AND id = ${id} AND version = ${version}`,
  );
  return n > 0;
}

/** When a campaign was named (the demo names one in the past). */
export async function setNamedAt(tx: Db, tenantId: string, id: string, at: Date) {
  await tx.execute(
    sql`UPDATE selection_campaign SET named_at = ${sqlTime(at)} WHERE tenant_id = ${tenantId} AND id = ${id}`,
  );
}

// ---- Candidates ------------------------------------------------------------------------------------------------

export interface CandidateRow {
  id: string;
  campaign_id: string;
  category: SelectionCategory;
  source: NominationSource;
  name: string;
  phone_masked: string | null;
  region_code: string | null;
  nominator_name: string | null;
  story: string;
  photo_file_ids: string[];
  state: CandidateState;
  check_reason: string | null;
  votes: number | null;
  flagged_votes: number | null;
  final_votes: number | null;
  version: number;
  created_at: Date | string;
}

export const candidateColumns = sql`cd.id, cd.campaign_id, cd.category, cd.source, cd.name, cd.phone_masked,
  cd.region_code, cd.nominator_name, cd.story, cd.photo_file_ids, cd.state, cd.check_reason, tl.votes,
  tl.flagged_votes, cd.final_votes, cd.version, cd.created_at`;
export const candidateFrom = sql`selection_candidate cd
  LEFT JOIN selection_tally tl ON tl.tenant_id = cd.tenant_id AND tl.candidate_id = cd.id`;

export function toCandidateView(r: CandidateRow, opts: { showPhone: boolean }): CandidateView {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    category: r.category,
    source: r.source,
    name: r.name,
    phoneMasked: opts.showPhone ? r.phone_masked : null,
    regionCode: r.region_code,
    nominatorName: r.nominator_name,
    story: r.story,
    photoFileIds: r.photo_file_ids ?? [],
    state: r.state,
    checkReason: r.check_reason,
    votes: Number(r.votes ?? 0),
    flaggedVotes: Number(r.flagged_votes ?? 0),
    finalVotes: r.final_votes,
    version: r.version,
    createdAt: isoOrNull(r.created_at) ?? '',
  };
}

export function findCandidate(db: Db, tenantId: string, id: string): Promise<CandidateRow | null> {
  return maybeOne<CandidateRow>(
    db,
    sql`SELECT ${candidateColumns} FROM ${candidateFrom} WHERE cd.tenant_id = ${tenantId} AND cd.id = ${id}`,
  );
}

export interface NewCandidate {
  id: string;
  campaignId: string;
  category: SelectionCategory;
  source: NominationSource;
  name: string;
  personKey: string;
  phoneEnc: string;
  phoneMasked: string;
  regionCode: string | null;
  nominatorAccountId: string | null;
  nominatorName: string | null;
  story: string;
  photoFileIds: string[];
}

/** Insert a nomination; null when the person (or the id) is already there: the unique key decides, not a read. */
export async function insertCandidate(tx: Db, tenantId: string, c: NewCandidate, at: Date): Promise<string | null> {
  const r = await maybeOne<{ id: string }>(
    tx,
    sql`INSERT INTO selection_candidate (tenant_id, id, campaign_id, category, source, name, person_key, phone_enc,
      phone_masked, region_code, nominator_account_id, nominator_name, story, photo_file_ids, state, created_at,
      updated_at)
    VALUES (${tenantId}, ${c.id}, ${c.campaignId}, ${c.category}, ${c.source}, ${c.name}, ${c.personKey},
      ${c.phoneEnc}, ${c.phoneMasked}, ${c.regionCode}, ${c.nominatorAccountId}, ${c.nominatorName}, ${c.story},
      ${sql.param(c.photoFileIds)}::uuid[], 'nominated', ${sqlTime(at)}, ${sqlTime(at)})
    ON CONFLICT DO NOTHING RETURNING id`,
  );
  return r?.id ?? null;
}

/** The candidate holding a person key in a campaign (to tell a resend from a duplicate). */
export function findByPersonKey(db: Db, tenantId: string, campaignId: string, personKey: string) {
  return maybeOne<{ id: string; nominator_account_id: string | null }>(
    db,
    sql`SELECT id, nominator_account_id FROM selection_candidate
    WHERE tenant_id = ${tenantId} AND campaign_id = ${campaignId} AND person_key = ${personKey}`,
  );
}

/** Move one candidate from `from` to `to` (at `version` when given); false when it was not in that state. */
export async function setCandidateState(
  tx: Db,
  tenantId: string,
  id: string,
  change: { from: CandidateState; to: CandidateState; version?: number; reason?: string | null; by?: string | null },
  at: Date,
): Promise<boolean> {
  const checked = change.reason !== undefined;
  const n = await affected(
    tx,
    sql`UPDATE selection_candidate SET state = ${change.to}, version = version + 1, updated_at = ${sqlTime(at)}
      ${checked ? sql`, check_reason = ${change.reason}, checked_by = ${change.by ?? null}, checked_at = ${sqlTime(at)}` : sql``}
    WHERE tenant_id = ${tenantId} AND id = ${id} AND state = ${change.from}
      ${change.version !== undefined ? sql`AND version = ${change.version}` : sql``}`,
  );
  return n > 0;
}

/** Candidates of a campaign in a state, by id. */
export function candidateIdsInState(db: Db, tenantId: string, campaignId: string, state: CandidateState) {
  return rows<{ id: string; name: string }>(
    db,
    sql`SELECT id, name FROM selection_candidate WHERE tenant_id = ${tenantId} AND campaign_id = ${campaignId}
      AND state = ${state} ORDER BY created_at, id`,
  );
}

/** Move every candidate of a campaign in state `from` to `to`, in one statement; answers how many moved. */
export function moveAllCandidates(
  tx: Db,
  tenantId: string,
  campaignId: string,
  from: CandidateState,
  to: CandidateState,
  at: Date,
  only?: string[],
): Promise<number> {
  return affected(
    tx,
    sql`UPDATE selection_candidate SET state = ${to}, version = version + 1, updated_at = ${sqlTime(at)}
    WHERE tenant_id = ${tenantId} AND campaign_id = ${campaignId} AND state = ${from}
      ${only ? sql`AND id = ANY(${sql.param(only)}::uuid[])` : sql``}`,
  );
}
