// Selections (先进典型评选, SPEC 4.10): campaign kinds and categories, the stage machine of a campaign and the
// state machine of a candidate, as data shared by server and UI.
import type { Permission } from './permissions';

/** 好人, 道德模范, 最美家庭, 好少年, 文明市民, 最美志愿者, 最佳志愿服务项目. */
export const selectionKinds = [
  'good_person',
  'moral_model',
  'best_family',
  'good_youth',
  'civilized_citizen',
  'best_volunteer',
  'best_service_project',
] as const;
export type SelectionKind = (typeof selectionKinds)[number];

/** The five classes of 道德模范 (also used by 好人), and `general` for kinds without classes. */
export const selectionCategories = [
  'helping_others',
  'bravery',
  'honesty',
  'dedication',
  'filial_piety',
  'general',
] as const;
export type SelectionCategory = (typeof selectionCategories)[number];

const fiveClasses: SelectionCategory[] = ['helping_others', 'bravery', 'honesty', 'dedication', 'filial_piety'];

/** The categories a campaign of each kind may use. */
export const selectionKindCategories: Record<SelectionKind, readonly SelectionCategory[]> = {
  good_person: fiveClasses,
  moral_model: fiveClasses,
  best_family: ['general'],
  good_youth: ['general'],
  civilized_citizen: ['general'],
  best_volunteer: ['general'],
  best_service_project: ['general'],
};

/** 个人自荐, 单位推荐, 组织推荐, 群众推荐. */
export const nominationSources = ['self', 'unit', 'organisation', 'public'] as const;
export type NominationSource = (typeof nominationSources)[number];

/** One vote per candidate per day, or one vote per candidate for the whole voting window. */
export const voteRules = ['per_day', 'once'] as const;
export type VoteRule = (typeof voteRules)[number];

/** The minimum length of 公示 in days. */
export const PUBLICITY_MIN_DAYS = 7;
/** Votes from one network or device within a minute past which further votes are flagged for review. */
export const VOTE_BURST_PER_MINUTE = 20;

// ---- The campaign's stages -------------------------------------------------------------------------------------

export const selectionStages = [
  'draft',
  'nominating',
  'checking',
  'reviewing',
  'voting',
  'publicizing',
  'named',
  'closed',
] as const;
export type SelectionStage = (typeof selectionStages)[number];

export const selectionStageActions = [
  'open_nomination',
  'close_nomination',
  'start_review',
  'open_voting',
  'close_voting',
  'name',
  'close',
] as const;
export type SelectionStageAction = (typeof selectionStageActions)[number];

export interface SelectionStageTransition {
  from: SelectionStage;
  action: SelectionStageAction;
  to: SelectionStage;
}

const st = (from: SelectionStage, action: SelectionStageAction, to: SelectionStage): SelectionStageTransition => ({
  from,
  action,
  to,
});

/**
 * Every allowed stage change: 草稿 → 提名 → 资格审查 → 评审 → 投票 → 公示 → 命名, and 终止 from any open stage.
 * Closing the vote fixes the final tally and puts the top candidates (within the quota) into 公示.
 */
export const selectionStageTransitions: readonly SelectionStageTransition[] = [
  st('draft', 'open_nomination', 'nominating'),
  st('nominating', 'close_nomination', 'checking'),
  st('checking', 'start_review', 'reviewing'),
  st('reviewing', 'open_voting', 'voting'),
  st('voting', 'close_voting', 'publicizing'),
  st('publicizing', 'name', 'named'),
  ...(['draft', 'nominating', 'checking', 'reviewing', 'voting', 'publicizing'] as const).map((s) =>
    st(s, 'close', 'closed'),
  ),
];

/** Every stage action is the office's: managing selections. */
export const selectionStagePermission: Permission = 'selection.manage';

/** The stage an action leads to, or null when the machine has no such edge. */
export function nextSelectionStage(stage: SelectionStage, action: SelectionStageAction): SelectionStage | null {
  return selectionStageTransitions.find((x) => x.from === stage && x.action === action)?.to ?? null;
}

/** The actions open in a stage, in table order (the buttons of the campaign page). */
export function selectionStageActionsFrom(stage: SelectionStage): SelectionStageAction[] {
  return selectionStageTransitions.filter((x) => x.from === stage).map((x) => x.action);
}

/** Stages residents see (nomination, voting, 公示 and the result). */
export const publicSelectionStages: readonly SelectionStage[] = ['nominating', 'voting', 'publicizing', 'named'];

// ---- A candidate's states --------------------------------------------------------------------------------------

export const candidateStates = [
  'nominated',
  'eligible',
  'ineligible',
  'publicized',
  'not_selected',
  'disqualified',
  'named',
] as const;
export type CandidateState = (typeof candidateStates)[number];

export const candidateActions = ['approve', 'reject', 'publicize', 'pass_over', 'disqualify', 'name'] as const;
export type CandidateAction = (typeof candidateActions)[number];

export interface CandidateTransition {
  from: CandidateState;
  action: CandidateAction;
  to: CandidateState;
}

const ct = (from: CandidateState, action: CandidateAction, to: CandidateState): CandidateTransition => ({
  from,
  action,
  to,
});

/**
 * 资格审查 approves or rejects (with a reason); closing the vote 公示es the top ones and passes over the rest; an
 * objection upheld during 公示 disqualifies; naming names those still in 公示.
 */
export const candidateTransitions: readonly CandidateTransition[] = [
  ct('nominated', 'approve', 'eligible'),
  ct('nominated', 'reject', 'ineligible'),
  ct('ineligible', 'approve', 'eligible'),
  ct('eligible', 'reject', 'ineligible'),
  ct('eligible', 'publicize', 'publicized'),
  ct('eligible', 'pass_over', 'not_selected'),
  ct('publicized', 'disqualify', 'disqualified'),
  ct('publicized', 'name', 'named'),
];

export function nextCandidateState(state: CandidateState, action: CandidateAction): CandidateState | null {
  return candidateTransitions.find((x) => x.from === state && x.action === action)?.to ?? null;
}

/** Candidates residents may see and vote on. */
export const votableCandidateStates: readonly CandidateState[] = ['eligible'];
/** Stages in which the eligibility check may be done. */
export const checkingStages: readonly SelectionStage[] = ['nominating', 'checking'];

export const objectionStatuses = ['open', 'answered'] as const;
export type ObjectionStatus = (typeof objectionStatuses)[number];
