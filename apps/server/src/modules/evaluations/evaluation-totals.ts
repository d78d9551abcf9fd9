// From per-subject facts to totals, ranks, flags and rates: the scheme's weights, the negative list, shared
// ranks per level, movement against the previous period, red/black lists, summons and the level's rates.
import {
  type EvaluationComponentScore,
  type EvaluationLines,
  type EvaluationRates,
  type EvaluationScheme,
  applyNegatives,
  rateOf,
  sharedRanks,
  weightedTotal,
} from '@wenming/contracts';
import type { SubjectFacts } from './evaluation-sql-sources';

export interface ResultRow {
  subject_key: string;
  level: string;
  score: number | null;
  rank: number | null;
  rank_change: number | null;
  previous_score: number | null;
  passed: boolean;
  excellent: boolean;
  compliant: boolean;
  red_list: boolean;
  black_list: boolean;
  summons: boolean;
  vetoed: boolean;
  suspended: boolean;
  components: EvaluationComponentScore[];
  negative_deduction: number;
  sampled_points: number;
  observations: number;
  problems_found: number;
  problems_closed: number;
}

const ratio = (got: number | null, full: number | null) => (full && full > 0 ? (got ?? 0) / full : null);

export function componentsOf(f: SubjectFacts, scheme: EvaluationScheme): EvaluationComponentScore[] {
  return scheme.components.map((c) => {
    let r: number | null = null;
    if (c.kind === 'field') r = ratio(f.field_score, f.field_full);
    else if (c.kind === 'survey') r = ratio(f.survey_score, f.survey_full);
    else if (c.kind === 'review') r = ratio(f.review_score, f.review_full);
    else if (c.kind === 'task') r = f.tasks > 0 ? f.tasks_done / f.tasks : null;
    else if (c.kind === 'rectification') r = f.found > 0 ? f.closed / f.found : null;
    return { kind: c.kind, weight: c.weight, ratio: r === null ? null : Math.round(r * 1e6) / 1e6 };
  });
}

export interface TotalsInput {
  facts: SubjectFacts[];
  levelOf: Map<string, string>;
  scheme: EvaluationScheme;
  lines: EvaluationLines & { complianceLine: number };
  previous: Map<string, { rank: number | null; score: number | null }> | null;
}

/** Results of every subject and the rates of every level. Deterministic: ties and order depend on data only. */
export function computeTotals(input: TotalsInput): { rows: ResultRow[]; rates: Record<string, EvaluationRates> } {
  const { scheme, lines } = input;
  const full = scheme.fullScore;
  const rows: ResultRow[] = input.facts.map((f) => {
    const components = componentsOf(f, scheme);
    const raw = weightedTotal(components, full, scheme.notSampled);
    const negative = scheme.applyNegativeList;
    const score = negative ? applyNegatives(raw, f.deduction, f.vetoed) : raw;
    const reached = (line: number | null | undefined) => score !== null && line != null && score >= line * full - 1e-9;
    return {
      subject_key: f.subject_key,
      level: input.levelOf.get(f.subject_key) ?? '',
      score,
      rank: null,
      rank_change: null,
      previous_score: null,
      passed: reached(lines.passLine),
      excellent: reached(lines.excellenceLine),
      compliant: reached(lines.complianceLine),
      red_list: reached(lines.redLine),
      black_list: score !== null && lines.blackLine != null && score < lines.blackLine * full - 1e-9,
      summons: false,
      vetoed: negative && f.vetoed,
      suspended: negative && f.suspended,
      components,
      negative_deduction: negative && raw !== null && !f.vetoed ? Math.min(raw, f.deduction) : 0,
      sampled_points: f.points,
      observations: f.observations,
      problems_found: f.found,
      problems_closed: f.closed,
    };
  });
  const rates: Record<string, EvaluationRates> = {};
  const levels = [...new Set(rows.map((r) => r.level))];
  for (const level of levels) {
    const of = rows.filter((r) => r.level === level);
    const ranks = sharedRanks(of.map((r) => r.score));
    of.forEach((r, i) => {
      r.rank = ranks[i] ?? null;
      const prev = input.previous?.get(r.subject_key);
      r.previous_score = prev?.score ?? null;
      r.rank_change = prev?.rank != null && r.rank != null ? prev.rank - r.rank : null;
    });
    const scored = of.filter((r) => r.score !== null);
    if (lines.summonsBottomThree && scored.length > 3) {
      const third = [...scored].sort((a, b) => (a.score as number) - (b.score as number))[2]?.score as number;
      for (const r of scored) r.summons = (r.score as number) <= third;
    }
    const d = lines.rateDecimals;
    const count = (pred: (r: ResultRow) => boolean) => scored.filter(pred).length;
    rates[level] = {
      pass: rateOf(
        count((r) => r.passed),
        scored.length,
        d,
      ),
      excellent: rateOf(
        count((r) => r.excellent),
        scored.length,
        d,
      ),
      compliance: rateOf(
        count((r) => r.compliant),
        scored.length,
        d,
      ),
      rectification: rateOf(
        of.reduce((s, r) => s + r.problems_closed, 0),
        of.reduce((s, r) => s + r.problems_found, 0),
        d,
      ),
    };
  }
  return { rows, rates };
}
