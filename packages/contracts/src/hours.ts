// Pure rules of volunteer service hours: rounding of a check-in/out span and star levels.
import { z } from 'zod';

/**
 * Rounding rule. Every whole hour of the span counts 1 h. The remaining minutes r (0–59) count the
 * `hours` of the last step whose `fromMinutes` ≤ r, or 0 below the first step. Default:
 * r < 15 → 0, 15 ≤ r < 45 → 0.5 h, r ≥ 45 → 1 h. So 14 min → 0, 15 min → 0.5, 44 min → 0.5,
 * 45 min → 1, 1 h 14 min → 1, 1 h 20 min → 1.5, 1 h 50 min → 2. The span is taken between the two
 * instants (not wall clocks), so a span across midnight counts the same as any other.
 */
export interface RoundingRule {
  steps: { fromMinutes: number; hours: number }[];
}

export const defaultRoundingRule: RoundingRule = {
  steps: [
    { fromMinutes: 15, hours: 0.5 },
    { fromMinutes: 45, hours: 1 },
  ],
};

/** Default star thresholds in confirmed hours: ★1 at 100 h … ★5 at 1,500 h. */
export const defaultStarThresholds = [100, 300, 600, 1000, 1500];

const increasing = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);
const nonDecreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x >= xs[i - 1]);

export const roundingRuleSchema = z
  .object({
    steps: z
      .array(
        z.object({
          fromMinutes: z.number().int().min(1).max(59),
          hours: z
            .number()
            .min(0)
            .max(1)
            .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-9, 'invalid_value'),
        }),
      )
      .max(10),
  })
  .refine((r) => increasing(r.steps.map((s) => s.fromMinutes)) && nonDecreasing(r.steps.map((s) => s.hours)), {
    path: ['steps'],
    message: 'invalid_value',
  });

export const starThresholdsSchema = z
  .array(z.number().int().min(1).max(100000))
  .min(1)
  .max(10)
  .refine(increasing, { message: 'invalid_value' });

export const volunteerSettingsBody = z.object({
  rounding: roundingRuleSchema,
  starThresholds: starThresholdsSchema,
});
export type VolunteerSettingsBody = z.infer<typeof volunteerSettingsBody>;

/** Whole minutes between two instants; never negative (an out before the in counts 0). */
export function minutesBetween(checkIn: Date, checkOut: Date): number {
  return Math.max(0, Math.floor((checkOut.getTime() - checkIn.getTime()) / 60000));
}

/** Hours credited for a span of whole minutes under a rounding rule (one decimal). */
export function roundServiceHours(minutes: number, rule: RoundingRule = defaultRoundingRule): number {
  if (!(minutes > 0)) return 0;
  const whole = Math.floor(minutes / 60);
  const rest = Math.floor(minutes % 60);
  let part = 0;
  for (const s of rule.steps) if (rest >= s.fromMinutes) part = s.hours;
  return Math.round((whole + part) * 10) / 10;
}

/** Hours credited between a check-in and a check-out. */
export function serviceHours(checkIn: Date, checkOut: Date, rule: RoundingRule = defaultRoundingRule): number {
  return roundServiceHours(minutesBetween(checkIn, checkOut), rule);
}

/** Star level (0–n): how many thresholds the confirmed hours have reached. */
export function starLevel(hours: number, thresholds: number[] = defaultStarThresholds): number {
  return thresholds.filter((t) => hours >= t).length;
}

/** Hours still needed for the next star, or null at the top level. */
export function hoursToNextStar(hours: number, thresholds: number[] = defaultStarThresholds): number | null {
  const next = thresholds.find((t) => hours < t);
  return next === undefined ? null : Math.round((next - hours) * 10) / 10;
}
