import type { InspectionPlanKind } from '@wenming/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function PlanKindTag({ kind }: { kind: InspectionPlanKind }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'unannounced' ? 'purple' : 'blue'}>{t(`planKind.${kind}`)}</Tag>;
}

/** `2026-11` or `2026-11-01 ~ 2026-11-30`. */
export function planPeriod(p: { period: string | null; startDate: string; endDate: string }): string {
  return p.period ?? `${p.startDate} ~ ${p.endDate}`;
}

export { formatScore } from '../score-format';
