// Pure rules of evaluations (SPEC 4.6): periods, rates rounded half up, shared ranks, weighted totals.
// The server computes in SQL with the same rules; these functions are the reference the tests fix.

/** Whole or decimal percent of numerator ÷ denominator, rounded half up, exactly (integer arithmetic). */
export function ratePercent(numerator: number, denominator: number, decimals = 0): number | null {
  if (denominator <= 0) return null;
  const scale = 10 ** decimals;
  // round(n × 100 × scale ÷ d) half up, without floating error: floor((2·n·100·scale + d) ÷ 2d)
  const scaled = Math.floor((2 * numerator * 100 * scale + denominator) / (2 * denominator));
  return scaled / scale;
}

export function rateOf(numerator: number, denominator: number, decimals = 0) {
  return { numerator, denominator, percent: ratePercent(numerator, denominator, decimals) };
}

/** Competition ranks (1, 2, 2, 4) for scores, highest first; null scores get a null rank. */
export function sharedRanks(scores: ReadonlyArray<number | null>): Array<number | null> {
  const order = scores
    .map((s, i) => ({ s, i }))
    .filter((x): x is { s: number; i: number } => x.s !== null)
    .sort((a, b) => b.s - a.s);
  const ranks: Array<number | null> = scores.map(() => null);
  order.forEach((x, pos) => {
    const prev = order[pos - 1];
    ranks[x.i] = prev && prev.s === x.s ? (ranks[prev.i] as number) : pos + 1;
  });
  return ranks;
}

export interface StandardTally {
  points: number;
  /** Σ points earned over applicable observations (met → points, not met → 0, rules as scored). */
  earned: number;
  /** Applicable (not N/A) observations. */
  applicable: number;
}

/** A standard's score in a subject: Pₛ × (earned ÷ (Pₛ × applicable)), i.e. the mean earned; null: not sampled. */
export function standardScore(t: StandardTally): number | null {
  if (t.applicable <= 0) return null;
  return Math.min(t.points, t.earned / t.applicable);
}

/** The field ratio of a subject: Σ scores ÷ Σ full points, not-sampled standards dropped or scored zero. */
export function fieldRatio(tallies: readonly StandardTally[], notSampled: 'drop' | 'zero'): number | null {
  let got = 0;
  let full = 0;
  for (const t of tallies) {
    const s = standardScore(t);
    if (s === null && notSampled === 'drop') continue;
    got += s ?? 0;
    full += t.points;
  }
  return full > 0 ? got / full : null;
}

/** Weighted total on fullScore: components without data are dropped (weights renormalised) or count zero. */
export function weightedTotal(
  parts: ReadonlyArray<{ weight: number; ratio: number | null }>,
  fullScore: number,
  notSampled: 'drop' | 'zero',
): number | null {
  let w = 0;
  let sum = 0;
  for (const p of parts) {
    if (p.ratio === null && notSampled === 'drop') continue;
    w += p.weight;
    sum += p.weight * (p.ratio ?? 0);
  }
  if (w === 0) return null;
  return Math.round((sum / w) * fullScore * 100) / 100;
}

/** The negative list on a total: veto → 0; deductions subtract (not below 0); suspend only flags. */
export function applyNegatives(total: number | null, deduction: number, vetoed: boolean): number | null {
  if (total === null) return null;
  if (vetoed) return 0;
  return Math.max(0, Math.round((total - deduction) * 100) / 100);
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** First and last day (inclusive) and a Chinese label of a period. */
export function periodRange(p: { kind: string; value?: string | null; start?: string | null; end?: string | null }): {
  start: string;
  end: string;
  label: string;
} {
  const v = p.value ?? '';
  if (p.kind === 'month') {
    const [y, m] = v.split('-').map(Number) as [number, number];
    return {
      start: iso(new Date(Date.UTC(y, m - 1, 1))),
      end: iso(new Date(Date.UTC(y, m, 0))),
      label: `${y}年${m}月`,
    };
  }
  if (p.kind === 'quarter') {
    const y = Number(v.slice(0, 4));
    const q = Number(v.slice(6));
    const start = iso(new Date(Date.UTC(y, (q - 1) * 3, 1)));
    return { start, end: iso(new Date(Date.UTC(y, q * 3, 0))), label: `${y}年第${'一二三四'[q - 1]}季度` };
  }
  if (p.kind === 'year') return { start: `${v}-01-01`, end: `${v}-12-31`, label: `${v}年` };
  if (p.kind === 'week') {
    // ISO week: the week with the year's first Thursday is week 1; weeks start on Monday.
    const y = Number(v.slice(0, 4));
    const w = Number(v.slice(6));
    const jan4 = new Date(Date.UTC(y, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
    const start = new Date(monday.getTime() + (w - 1) * 7 * 86_400_000);
    return { start: iso(start), end: iso(new Date(start.getTime() + 6 * 86_400_000)), label: `${y}年第${w}周` };
  }
  const start = p.start ?? '';
  const end = p.end ?? '';
  return { start, end, label: `${start} 至 ${end}` };
}

/** A component's share of a total: the points it can give (its normalised weight) and the points it gave. */
export interface WeightedPart<K> {
  kind: K;
  /** null when the component had no data and was dropped (its weight went to the others). */
  max: number | null;
  points: number | null;
}

/**
 * The parts of `weightedTotal` as points that add up to it exactly (to the cent, by largest remainder), so a
 * score can be shown with a breakdown that sums: 实地考察 69.56/70 + 问卷调查 10/10 + 问题整改 20/20 = 99.56.
 */
export function weightedParts<K>(
  parts: ReadonlyArray<{ kind: K; weight: number; ratio: number | null }>,
  fullScore: number,
  notSampled: 'drop' | 'zero',
): WeightedPart<K>[] {
  const used = parts.map((p) => !(p.ratio === null && notSampled === 'drop'));
  const w = parts.reduce((s, p, i) => s + (used[i] ? p.weight : 0), 0);
  const total = weightedTotal(parts, fullScore, notSampled);
  if (w === 0 || total === null) return parts.map((p) => ({ kind: p.kind, max: null, points: null }));
  // Largest remainders, in cents: the maxima add up to the full score, the points to the total, and no part's points
  // exceed its shown maximum.
  const apportion = (exact: number[], target: number, cap: (i: number) => number) => {
    const cents = exact.map((e, i) => Math.min(Math.floor(e + 1e-9), cap(i)));
    let rest = target - cents.reduce((a, c) => a + c, 0);
    const order = exact.map((e, i) => [e - Math.floor(e + 1e-9), i] as const).sort((x, y) => y[0] - x[0]);
    while (rest > 0) {
      let moved = false;
      for (const [, i] of order) {
        if (rest <= 0) break;
        if (!used[i] || cents[i]! >= cap(i)) continue;
        cents[i]! += 1;
        rest -= 1;
        moved = true;
      }
      if (!moved) break;
    }
    return cents;
  };
  const maxExact = parts.map((p, i) => (used[i] ? (p.weight / w) * fullScore * 100 : 0));
  const maxCents = apportion(maxExact, Math.round(fullScore * 100), () => Number.POSITIVE_INFINITY);
  const exact = parts.map((p, i) => (used[i] ? (p.weight / w) * (p.ratio ?? 0) * fullScore * 100 : 0));
  const cents = apportion(exact, Math.round(total * 100), (i) => maxCents[i]!);
  return parts.map((p, i) =>
    used[i]
      ? { kind: p.kind, max: maxCents[i]! / 100, points: cents[i]! / 100 }
      : { kind: p.kind, max: null, points: null },
  );
}
