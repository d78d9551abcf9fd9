import type { ProblemStatus, ProblemView } from '@wenming/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** antd tag colours of the problem states. */
export const problemStatusColors: Record<ProblemStatus, string> = {
  reported: 'default',
  assigned: 'blue',
  rectifying: 'processing',
  submitted: 'gold',
  verified: 'green',
  closed: 'success',
  returned: 'red',
  reopened: 'volcano',
  disputed: 'purple',
  duplicate: 'default',
};

export function ProblemStatusTag({ problem }: { problem: Pick<ProblemView, 'status' | 'isOverdue'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={problemStatusColors[problem.status]}>{t(`problemStatus.${problem.status}`)}</Tag>
      {problem.isOverdue && <Tag color="red">{t('problem.overdue')}</Tag>}
    </>
  );
}
