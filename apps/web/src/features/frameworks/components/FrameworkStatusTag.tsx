import type { FrameworkStatus } from '@wenming/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<FrameworkStatus, string> = { draft: 'processing', published: 'success', superseded: 'default' };

export function FrameworkStatusTag({ status }: { status: FrameworkStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`frameworkStatus.${status}`)}</Tag>;
}
