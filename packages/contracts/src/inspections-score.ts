// The score of one inspection (SPEC 4.4): Σ points earned on applicable standards ÷ Σ their points,
// N/A standards dropping out, scoring rules per standard and the negative list on top. Pure; works in cents.
import type { NegativeEffect, ScoringRule } from './frameworks';
import type { ObservationResult } from './inspections';

export interface ScoredStandard {
  id: string;
  points: number | null;
  scoringRule: ScoringRule;
}
export interface ScoredObservation {
  indicatorId: string;
  result: ObservationResult;
  findingCount?: number | null;
  level?: string | null;
  awarded?: number | null;
}
export interface ScoredNegativeHit {
  effect: NegativeEffect;
  deduction: number | null;
}

export interface InspectionScore {
  /** Points earned on applicable standards, before the negative list. */
  earned: number;
  /** Σ points of the applicable (not N/A) standards. */
  applicable: number;
  /** Points taken by `deduct` items of the negative list (never more than earned). */
  negativeDeduction: number;
  /** (earned − negativeDeduction) ÷ applicable in [0, 1], 4 decimals; 0 when vetoed; null when nothing applies. */
  score: number | null;
  vetoed: boolean;
  suspended: boolean;
  /** Points earned per indicator id; null for N/A. */
  perStandard: Record<string, number | null>;
}

const cents = (v: number | null | undefined) => Math.round((v ?? 0) * 100);

/** Cents a standard earns for its observation: rule by rule, never below 0 nor above the standard's points. */
export function earnedCents(standard: ScoredStandard, o: ScoredObservation): number | null {
  if (o.result === 'na') return null;
  const full = cents(standard.points);
  const rule = standard.scoringRule;
  let got: number;
  if (rule.kind === 'deduct') {
    const floor = Math.min(full, cents(rule.floor));
    got = o.result === 'met' ? full : Math.max(floor, full - cents(rule.perFinding) * (o.findingCount ?? 1));
  } else if (rule.kind === 'graded' && o.level) {
    const level = rule.levels.find((l) => l.label === o.level);
    got = level ? Math.round(full * level.ratio) : o.result === 'met' ? full : 0;
  } else if (rule.kind === 'manual' && o.awarded !== null && o.awarded !== undefined) {
    got = cents(o.awarded);
  } else {
    got = o.result === 'met' ? full : 0;
  }
  return Math.min(full, Math.max(0, got));
}

/**
 * Score one inspection. Observations of standards not in `standards` are ignored (the server refuses
 * them before); the negative list applies after the ratio's numerator: `deduct` takes points (down to 0),
 * `veto` (一票否决) makes the score 0, `suspend` (暂停资格) only flags the result.
 */
export function scoreInspection(
  standards: readonly ScoredStandard[],
  observations: readonly ScoredObservation[],
  negatives: readonly ScoredNegativeHit[] = [],
): InspectionScore {
  const byId = new Map(standards.map((s) => [s.id, s]));
  let earned = 0;
  let applicable = 0;
  const perStandard: Record<string, number | null> = {};
  for (const o of observations) {
    const s = byId.get(o.indicatorId);
    if (!s) continue;
    const got = earnedCents(s, o);
    perStandard[o.indicatorId] = got === null ? null : got / 100;
    if (got === null) continue;
    earned += got;
    applicable += cents(s.points);
  }
  const vetoed = negatives.some((n) => n.effect === 'veto');
  const suspended = negatives.some((n) => n.effect === 'suspend');
  const wanted = negatives.filter((n) => n.effect === 'deduct').reduce((sum, n) => sum + cents(n.deduction), 0);
  const negativeDeduction = Math.min(earned, wanted);
  let score: number | null = null;
  if (applicable > 0) score = vetoed ? 0 : Math.round(((earned - negativeDeduction) / applicable) * 10_000) / 10_000;
  return {
    earned: earned / 100,
    applicable: applicable / 100,
    negativeDeduction: negativeDeduction / 100,
    score,
    vetoed,
    suspended,
    perStandard,
  };
}
