// Drawing an inspection plan's sample of points: deterministic for a seed, whatever order the
// candidates come in (they are sorted by id first), so that a sample can be reproduced and checked.
import type { PointType } from './org';

export interface SampleCandidate {
  id: string;
  pointType: PointType;
}
export interface SampleSpec {
  mode: 'all' | 'random' | 'pick';
  pointTypes?: readonly PointType[];
  perType?: number | null;
  perTypeCounts?: Partial<Record<PointType, number>> | null;
  seed?: string | null;
  pointIds?: readonly string[] | null;
}

/** xmur3: a string → 32-bit seed hash. */
function hashSeed(seed: string): number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: a small seedable PRNG with values in [0, 1). */
export function seededRandom(seed: string): () => number {
  let a = hashSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first `n` of a seeded Fisher–Yates shuffle of `items` (a copy; the input is left alone). */
function takeShuffled<T>(items: T[], n: number, next: () => number): T[] {
  const a = items.slice();
  const k = Math.min(n, a.length);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(next() * (a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, k);
}

/**
 * The ids a plan inspects. `all`: every candidate of the types (every type when none is named);
 * `random`: per type, `perTypeCounts[type]` (else `perType`) drawn with the seed; `pick`: the named
 * candidates. Answers ids sorted by type, then id.
 */
export function samplePoints(candidates: readonly SampleCandidate[], spec: SampleSpec): string[] {
  const types = new Set(spec.pointTypes ?? []);
  const sorted = candidates
    .filter((c) => types.size === 0 || types.has(c.pointType))
    .slice()
    .sort((a, b) => (a.pointType === b.pointType ? (a.id < b.id ? -1 : 1) : a.pointType < b.pointType ? -1 : 1));
  if (spec.mode === 'all') return sorted.map((c) => c.id);
  if (spec.mode === 'pick') {
    const wanted = new Set(spec.pointIds ?? []);
    return sorted.filter((c) => wanted.has(c.id)).map((c) => c.id);
  }
  const byType = new Map<PointType, SampleCandidate[]>();
  for (const c of sorted) {
    const list = byType.get(c.pointType);
    if (list) list.push(c);
    else byType.set(c.pointType, [c]);
  }
  const out: string[] = [];
  for (const [type, list] of byType) {
    const n = spec.perTypeCounts?.[type] ?? spec.perType ?? 0;
    // One stream per type, so adding a type to the request does not change the others' draw.
    const next = seededRandom(`${spec.seed ?? ''}:${type}`);
    out.push(
      ...takeShuffled(list, n, next)
        .map((c) => c.id)
        .sort(),
    );
  }
  return out;
}
