// Request bodies, queries and views of selections (zod), shared by server and web.
import { z } from 'zod';
import { calendarDay, pageQuery, versionField } from './common';
import {
  type CandidateState,
  type NominationSource,
  type ObjectionStatus,
  PUBLICITY_MIN_DAYS,
  type SelectionCategory,
  type SelectionKind,
  type SelectionStage,
  type SelectionStageAction,
  type VoteRule,
  candidateStates,
  nominationSources,
  selectionCategories,
  selectionKindCategories,
  selectionKinds,
  selectionStageActions,
  selectionStages,
  voteRules,
} from './selections-machine';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();
const dayMs = 86_400_000;
/** Days from `a` to `b` inclusive (both YYYY-MM-DD). */
export const windowDays = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / dayMs) + 1;

export const selectionCampaignBody = z.object({
  kind: z.enum(selectionKinds),
  name: text(100),
  description: optionalText(2000),
  /** The classes of the campaign; empty means every class of its kind. */
  categories: z.array(z.enum(selectionCategories)).max(selectionCategories.length).default([]),
  /** How many people are named at most. */
  quota: z.number().int().min(1).max(1000),
  voteRule: z.enum(voteRules).default('per_day'),
  /** The organiser's region (its office's); the tenant's top region when left out. */
  regionCode: z.string().trim().max(32).optional().nullable(),
  nominationStart: calendarDay,
  nominationEnd: calendarDay,
  votingStart: calendarDay,
  votingEnd: calendarDay,
  publicityStart: calendarDay,
  publicityEnd: calendarDay,
});
export type SelectionCampaignBody = z.infer<typeof selectionCampaignBody>;

/**
 * The rules of a campaign's schedule and classes, as field errors (empty when it is fine): each window in order,
 * voting after nomination, 公示 after voting and at least 7 days long, classes of the campaign's kind. The server
 * checks them after authorization (a 400 naming the fields); the form may check them before sending.
 */
export function campaignBodyProblems(b: SelectionCampaignBody): { field: string; key: string }[] {
  const out: { field: string; key: string }[] = [];
  const allowed = selectionKindCategories[b.kind];
  b.categories.forEach((x, i) => {
    if (!allowed.includes(x)) out.push({ field: `categories.${i}`, key: 'invalid_value' });
  });
  if (b.nominationEnd < b.nominationStart) out.push({ field: 'nominationEnd', key: 'invalid_date' });
  if (b.votingEnd < b.votingStart) out.push({ field: 'votingEnd', key: 'invalid_date' });
  if (b.votingStart <= b.nominationEnd) out.push({ field: 'votingStart', key: 'invalid_date' });
  if (b.publicityStart <= b.votingEnd) out.push({ field: 'publicityStart', key: 'invalid_date' });
  if (windowDays(b.publicityStart, b.publicityEnd) < PUBLICITY_MIN_DAYS)
    out.push({ field: 'publicityEnd', key: 'publicity_too_short' });
  return out;
}

export const selectionCampaignListQuery = pageQuery.extend({
  kind: z.enum(selectionKinds).optional(),
  stage: z.enum(selectionStages).optional(),
});
export type SelectionCampaignListQuery = z.infer<typeof selectionCampaignListQuery>;

export const selectionTransitionBody = z.object({
  action: z.enum(selectionStageActions),
  version: versionField,
  note: optionalText(500),
});
export type SelectionTransitionBody = z.infer<typeof selectionTransitionBody>;

export const nominationBody = z.object({
  /** Client-generated id: a resend with the same id stores the nomination once. */
  id: z.string().uuid().optional(),
  source: z.enum(nominationSources),
  category: z.enum(selectionCategories),
  /** The person (or family, project) nominated. */
  name: text(100),
  /** Their phone: with the name it tells one person from another. */
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, 'phone'),
  regionCode: z.string().trim().max(32).optional().nullable(),
  /** The recommending unit or organisation, for unit and organisation nominations. */
  nominatorName: optionalText(100),
  story: text(5000),
  photoFileIds: z.array(z.string().uuid()).max(9).default([]),
});
export type NominationBody = z.infer<typeof nominationBody>;

export const candidateListQuery = pageQuery.extend({
  state: z.enum(candidateStates).optional(),
  category: z.enum(selectionCategories).optional(),
});
export type CandidateListQuery = z.infer<typeof candidateListQuery>;

export const eligibilityBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: optionalText(500),
    version: versionField,
  })
  .superRefine((b, c) => {
    if (b.decision === 'reject' && !b.reason) c.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
  });
export type EligibilityBody = z.infer<typeof eligibilityBody>;

export const objectionBody = z.object({
  content: text(2000),
  fileIds: z.array(z.string().uuid()).max(9).default([]),
});
export type ObjectionBody = z.infer<typeof objectionBody>;

export const objectionAnswerBody = z.object({
  answer: text(2000),
  /** True when the investigation upholds the objection: the candidate leaves 公示. */
  upheld: z.boolean(),
});
export type ObjectionAnswerBody = z.infer<typeof objectionAnswerBody>;

export const honourRollQuery = pageQuery.extend({
  tenant: z.string().max(64).optional(),
  kind: z.enum(selectionKinds).optional(),
});
export type HonourRollQuery = z.infer<typeof honourRollQuery>;

export interface SelectionCampaignView {
  id: string;
  kind: SelectionKind;
  name: string;
  description: string | null;
  categories: SelectionCategory[];
  quota: number;
  voteRule: VoteRule;
  regionCode: string;
  regionName: string | null;
  nominationStart: string;
  nominationEnd: string;
  votingStart: string;
  votingEnd: string;
  publicityStart: string;
  publicityEnd: string;
  stage: SelectionStage;
  /** The stage actions open now (the campaign page's buttons). */
  actions: SelectionStageAction[];
  candidateCount: number;
  namedAt: string | null;
  version: number;
  createdAt: string;
}

export interface CandidateView {
  id: string;
  campaignId: string;
  category: SelectionCategory;
  source: NominationSource;
  name: string;
  phoneMasked: string | null;
  regionCode: string | null;
  nominatorName: string | null;
  story: string;
  photoFileIds: string[];
  state: CandidateState;
  checkReason: string | null;
  votes: number;
  flaggedVotes: number;
  finalVotes: number | null;
  version: number;
  createdAt: string;
}

export interface TallyView {
  campaignId: string;
  items: { candidateId: string; name: string; category: SelectionCategory; votes: number; flaggedVotes: number }[];
}

export interface VoteResult {
  counted: boolean;
  flagged: boolean;
  voteDay: string;
}

export interface ObjectionView {
  id: string;
  campaignId: string;
  candidateId: string;
  candidateName: string;
  content: string;
  fileIds: string[];
  status: ObjectionStatus;
  answer: string | null;
  upheld: boolean | null;
  answeredAt: string | null;
  createdAt: string;
}

export interface HonourRollEntry {
  campaignId: string;
  campaignName: string;
  kind: SelectionKind;
  namedAt: string;
  people: { name: string; category: SelectionCategory; story: string; votes: number | null }[];
}
