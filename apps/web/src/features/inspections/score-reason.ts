// Why a standard earned what it did (SPEC 4.4 scoring rules), in the UI language: the figure beside each
// standard's score on the phone checklist and in the inspection record. No UI kit: the phone uses it too.
import { type ObservationResult, type ScoringRule, earnedCents } from '@wenming/contracts';

type T = (key: string, options?: Record<string, unknown>) => string;

export interface EarnedWithReason {
  /** Points earned (null for N/A). */
  earned: number | null;
  points: number;
  reason: string;
}

/** Points a standard earns for a result (as the server scores it) and the rule that explains them. */
export function earnedWithReason(
  standard: { id: string; points: number | null; scoringRule: ScoringRule },
  o: { result: ObservationResult; findingCount?: number | null; level?: string | null; awarded?: number | null },
  t: T,
  earnedOverride?: number | null,
): EarnedWithReason {
  const points = standard.points ?? 0;
  const cents = earnedCents(standard, { indicatorId: standard.id, ...o });
  const earned = earnedOverride !== undefined ? earnedOverride : cents === null ? null : cents / 100;
  const rule = standard.scoringRule;
  let reason: string;
  if (o.result === 'na') reason = t('scoreReason.na');
  else if (rule.kind === 'deduct')
    reason =
      o.result === 'met'
        ? t('scoreReason.met')
        : t('scoreReason.deduct', {
            perFinding: rule.perFinding,
            floor: rule.floor ?? 0,
            count: o.findingCount ?? 1,
            lost: Math.round((points - (earned ?? 0)) * 100) / 100,
          });
  else if (rule.kind === 'graded')
    reason = o.level ? t('scoreReason.graded', { level: o.level }) : t(`scoreReason.check.${o.result}`);
  else if (rule.kind === 'manual') reason = t('scoreReason.manual');
  else if (rule.kind === 'survey') reason = t('scoreReason.survey');
  else reason = t(`scoreReason.check.${o.result}`);
  return { earned, points, reason };
}
