import type { TaskState } from '@wenming/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export const taskStateColors: Record<TaskState, string> = {
  assigned: 'blue',
  in_progress: 'cyan',
  reported: 'gold',
  returned: 'orange',
  accepted: 'green',
  overdue: 'red',
};

/** A task's state, coloured; an open task past its deadline also says 逾期. */
export function TaskStateTag({ state, isOverdue }: { state: TaskState; isOverdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={taskStateColors[state]}>{t(`taskState.${state}`)}</Tag>
      {isOverdue && state !== 'overdue' && <Tag color="red">{t('task.overdue')}</Tag>}
    </>
  );
}
