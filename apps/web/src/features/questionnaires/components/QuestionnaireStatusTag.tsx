import type { QuestionnaireView } from '@wenming/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function QuestionnaireStatusTag({ status }: { status: QuestionnaireView['status'] }) {
  const { t } = useTranslation();
  return <Tag color={status === 'open' ? 'green' : 'default'}>{t(`questionnaireStatus.${status}`)}</Tag>;
}
