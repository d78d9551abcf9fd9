// 整改率 (rectification rate), defined once. The big screen, the ranking's rate cards, the bulletin and the
// workbench all print this figure, and all of them take it from the evaluation that computed it with these rules.
import { rateOf } from './evaluations-scoring';
import type { ProblemStatus } from './problems-machine';

/** A problem counts as rectified once its rectification passed the check (验收) or it was closed (销号). */
export const rectifiedProblemStatuses = ['verified', 'closed'] as const satisfies readonly ProblemStatus[];

/** Duplicates are not problems found: they count neither above nor below the line. */
export const uncountedProblemStatuses = ['duplicate'] as const satisfies readonly ProblemStatus[];

/** True when a problem in this state counts as rectified. */
export function isRectified(status: string): boolean {
  return (rectifiedProblemStatuses as readonly string[]).includes(status);
}

/** True when a problem in this state counts as found. */
export function countsAsFound(status: string): boolean {
  return !(uncountedProblemStatuses as readonly string[]).includes(status);
}

/**
 * 整改率 = problems of the period that are rectified ÷ problems found in the period (duplicates left out), where the
 * period is the evaluation's (by the day each problem was reported) and the problems are those of its subjects.
 */
export function rectificationRate(counts: { found: number; rectified: number }, decimals = 0) {
  return rateOf(counts.rectified, counts.found, decimals);
}

/** The definition as printed beside the figure (tooltip, bulletin footnote), in zh-CN, zh-TW and en. */
export const rectificationRateDefinition: [string, string, string] = [
  '整改率 = 考评期内发现的问题中已验收或已销号的数量 ÷ 考评期内发现的问题总数（不含重复问题）',
  '整改率 = 考評期內發現的問題中已驗收或已銷號的數量 ÷ 考評期內發現的問題總數（不含重複問題）',
  'Rectification rate = problems found in the period that were verified or closed ÷ all problems found in the period (duplicates excluded)',
];
