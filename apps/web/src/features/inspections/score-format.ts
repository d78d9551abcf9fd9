/** A 0–1 score as a percentage with one decimal; '—' when nothing applied (no UI kit: the phone uses it too). */
export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '—' : `${(score * 100).toFixed(1)}%`;
}
