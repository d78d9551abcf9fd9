import type { SelfAssessmentStatus } from '@wenming/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** antd tag colours of the self-assessment states. */
export const selfAssessmentStatusColors: Record<SelfAssessmentStatus, string> = {
  draft: 'processing',
  submitted: 'gold',
  returned: 'red',
  checked: 'success',
};

export function SelfAssessmentStatusTag({ status }: { status: SelfAssessmentStatus }) {
  const { t } = useTranslation();
  return <Tag color={selfAssessmentStatusColors[status]}>{t(`selfAssessmentStatus.${status}`)}</Tag>;
}
