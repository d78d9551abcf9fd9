// Tables of selections (SPEC 4.10): campaigns, candidates (nominations), votes with their live counters, and
// objections during 公示. A vote is unique per voter, candidate and vote day: the database enforces the rule.
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { region } from './org';
import { account } from './platform';
import { createdAt, tenantId, tstz, updatedAt } from './types';

export const selectionCampaign = pgTable(
  'selection_campaign',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    quota: integer('quota').notNull(),
    voteRule: text('vote_rule').notNull().default('per_day'),
    regionCode: text('region_code').notNull(),
    nominationStart: date('nomination_start', { mode: 'string' }).notNull(),
    nominationEnd: date('nomination_end', { mode: 'string' }).notNull(),
    votingStart: date('voting_start', { mode: 'string' }).notNull(),
    votingEnd: date('voting_end', { mode: 'string' }).notNull(),
    publicityStart: date('publicity_start', { mode: 'string' }).notNull(),
    publicityEnd: date('publicity_end', { mode: 'string' }).notNull(),
    stage: text('stage').notNull().default('draft'),
    namedAt: tstz('named_at'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    index('selection_campaign_stage_idx').on(t.tenantId, t.stage),
  ],
);

export const selectionCandidate = pgTable(
  'selection_candidate',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    category: text('category').notNull(),
    source: text('source').notNull(),
    name: text('name').notNull(),
    /** HMAC of name and phone: one person is nominated once per campaign. */
    personKey: text('person_key').notNull(),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    regionCode: text('region_code'),
    nominatorAccountId: uuid('nominator_account_id'),
    nominatorName: text('nominator_name'),
    story: text('story').notNull(),
    photoFileIds: uuid('photo_file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    state: text('state').notNull().default('nominated'),
    checkReason: text('check_reason'),
    checkedBy: uuid('checked_by'),
    checkedAt: tstz('checked_at'),
    /** The tally fixed when voting closed (counted votes, flagged ones left out). */
    finalVotes: integer('final_votes'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.campaignId],
      foreignColumns: [selectionCampaign.tenantId, selectionCampaign.id],
    }),
    unique('selection_candidate_person_uq').on(t.tenantId, t.campaignId, t.personKey),
    index('selection_candidate_campaign_idx').on(t.tenantId, t.campaignId, t.state),
    index('selection_candidate_photo_idx').using('gin', t.photoFileIds),
  ],
);

/** One row per counted vote; (voter, candidate, vote day) is unique, so a second vote of the day stores nothing. */
export const selectionVote = pgTable(
  'selection_vote',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    voterAccountId: uuid('voter_account_id').notNull(),
    /** The voting day in Shanghai time; the campaign's start day for a once-only rule. */
    voteDay: date('vote_day', { mode: 'string' }).notNull(),
    castAt: tstz('cast_at').notNull(),
    network: text('network'),
    device: text('device'),
    /** Part of a burst from one network or device: counted apart, for review. */
    flagged: boolean('flagged').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('selection_vote_once_uq').on(t.tenantId, t.voterAccountId, t.candidateId, t.voteDay),
    foreignKey({
      columns: [t.tenantId, t.candidateId],
      foreignColumns: [selectionCandidate.tenantId, selectionCandidate.id],
    }),
    foreignKey({ columns: [t.tenantId, t.voterAccountId], foreignColumns: [account.tenantId, account.id] }),
    index('selection_vote_candidate_idx').on(t.tenantId, t.candidateId, t.flagged),
    index('selection_vote_network_idx').on(t.tenantId, t.campaignId, t.network, t.castAt),
    index('selection_vote_device_idx').on(t.tenantId, t.campaignId, t.device, t.castAt),
  ],
);

/** Live counters per candidate, moved in the transaction of each vote: a page view reads them, never counts. */
export const selectionTally = pgTable(
  'selection_tally',
  {
    tenantId: tenantId(),
    candidateId: uuid('candidate_id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    votes: integer('votes').notNull().default(0),
    flaggedVotes: integer('flagged_votes').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.candidateId] }),
    foreignKey({
      columns: [t.tenantId, t.candidateId],
      foreignColumns: [selectionCandidate.tenantId, selectionCandidate.id],
    }),
    index('selection_tally_campaign_idx').on(t.tenantId, t.campaignId),
  ],
);

export const selectionObjection = pgTable(
  'selection_objection',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    campaignId: uuid('campaign_id').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    submitterAccountId: uuid('submitter_account_id'),
    content: text('content').notNull(),
    fileIds: uuid('file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    status: text('status').notNull().default('open'),
    answer: text('answer'),
    upheld: boolean('upheld'),
    answeredBy: uuid('answered_by'),
    answeredAt: tstz('answered_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      columns: [t.tenantId, t.candidateId],
      foreignColumns: [selectionCandidate.tenantId, selectionCandidate.id],
    }),
    index('selection_objection_campaign_idx').on(t.tenantId, t.campaignId, t.status),
  ],
);
