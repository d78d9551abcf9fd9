// Client-side checks of an evaluation's scheme, so that the form shows the error before the server does.

/** Sum of component weights in percent, computed in hundredths so that 33.33 + 33.33 + 33.34 is exactly 100. */
export function sumWeights(weights: readonly (number | string | null | undefined)[]): number {
  const hundredths = weights.reduce<number>((acc, w) => acc + Math.round(Number(w ?? 0) * 100), 0);
  return hundredths / 100;
}

/** True when the weights (in percent) add up to exactly 100. */
export function isWeightSumValid(weights: readonly (number | string | null | undefined)[]): boolean {
  return weights.length > 0 && Math.round(sumWeights(weights) * 100) === 10000;
}
