// Display rules of the evaluation pages: rank movement arrows, rates as printed in bulletins, scores.

export type MovementDirection = 'up' | 'down' | 'same' | 'none';

/**
 * Rank movement against the previous period: a positive change means the subject climbed
 * (rank 5 → 3 is +2, shown `↑2`); 0 is `—`; null (no previous period, or not ranked then) is `—` too.
 */
export function formatMovement(rankChange: number | null | undefined): { text: string; direction: MovementDirection } {
  if (rankChange === null || rankChange === undefined || !Number.isFinite(rankChange))
    return { text: '—', direction: 'none' };
  if (rankChange > 0) return { text: `↑${rankChange}`, direction: 'up' };
  if (rankChange < 0) return { text: `↓${-rankChange}`, direction: 'down' };
  return { text: '—', direction: 'same' };
}

export interface RateLike {
  numerator: number;
  denominator: number;
  percent: number | string | null;
}

/** `85%` as the server rounded it (whole, or the evaluation's decimals); `—` when nothing was evaluated. */
export function formatPercent(rate: RateLike | null | undefined): string {
  if (!rate || rate.denominator === 0 || rate.percent === null) return '—';
  return `${rate.percent}%`;
}

/** The exact fraction behind a rate: `17/20`. */
export function formatFraction(rate: RateLike | null | undefined): string {
  if (!rate) return '—';
  return `${rate.numerator}/${rate.denominator}`;
}

/** A score with at most two decimals and no trailing zeros (`87.5`, `90`); `—` for none. */
export function formatScore(score: number | string | null | undefined): string {
  if (score === null || score === undefined || score === '') return '—';
  const n = Number(score);
  if (!Number.isFinite(n)) return String(score);
  return String(Math.round(n * 100) / 100);
}

/** Ranks held by more than one subject (ties share a rank: 1, 2, 2, 4). */
export function tiedRanks(ranks: readonly (number | null)[]): Set<number> {
  const seen = new Map<number, number>();
  for (const r of ranks) if (r !== null) seen.set(r, (seen.get(r) ?? 0) + 1);
  return new Set([...seen].filter(([, n]) => n > 1).map(([r]) => r));
}

/** An inspection's score (a 0–1 ratio of points earned) as a percent: 0.9688 → `96.88%`. */
export function formatRatio(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return '—';
  return `${Math.round(ratio * 10_000) / 100}%`;
}

/** PostgreSQL's text form of a timestamp (`2026-11-22 02:42:02.241+00`) as ISO 8601, which every browser parses. */
export function normalizeTimestamp(value: string): string {
  return value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
}
