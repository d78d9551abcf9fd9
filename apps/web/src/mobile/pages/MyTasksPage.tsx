import { type TaskState, type TaskView, taskStates } from '@wenming/contracts';
import { CapsuleTabs, ErrorBlock, InfiniteScroll, List, NavBar, NoticeBar, Tag } from 'antd-mobile';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMyTasks } from '../../features/campaigns/queries';
import { MobileShell } from '../MobileShell';
import { useQueue } from '../use-queue';

/** antd-mobile tag colours of the task states. */
export const mobileStateColors: Record<TaskState, string> = {
  assigned: 'primary',
  in_progress: 'primary',
  reported: 'warning',
  returned: 'danger',
  accepted: 'success',
  overdue: 'danger',
};

export function MyTaskStateTag({ task }: { task: Pick<TaskView, 'state' | 'isOverdue'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Tag color={mobileStateColors[task.state]} fill={task.state === 'accepted' ? 'solid' : 'outline'}>
        {t(`taskState.${task.state}`)}
      </Tag>
      {task.isOverdue && task.state !== 'overdue' && (
        <Tag color="danger" style={{ marginLeft: 4 }}>
          {t('task.overdue')}
        </Tag>
      )}
    </>
  );
}

/** 我的任务 on the phone: the tasks of the liaison's unit (lead or co-unit), by state, loading more as it scrolls. */
export function MyTasksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queue = useQueue();
  const [state, setState] = useState('all');
  const tasks = useMyTasks(state === 'all' ? undefined : state);
  const items = tasks.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m')}>{t('myTasks.title')}</NavBar>
      {!queue.isOnline && <NoticeBar color="alert" content={t('mobile.offlineHint')} wrap />}
      {queue.pendingCount > 0 && (
        <NoticeBar color="info" content={t('myTasks.queuedCount', { count: queue.pendingCount })} />
      )}
      <CapsuleTabs activeKey={state} onChange={setState}>
        <CapsuleTabs.Tab key="all" title={t('myTasks.all')} />
        {taskStates.map((s) => (
          <CapsuleTabs.Tab key={s} title={t(`taskState.${s}`)} />
        ))}
      </CapsuleTabs>
      {tasks.isError && <ErrorBlock status="default" title={t('common.error')} description={tasks.error.message} />}
      {tasks.isSuccess && items.length === 0 && <ErrorBlock status="empty" title={t('myTasks.empty')} description="" />}
      <List aria-label={t('myTasks.title')}>
        {items.map((task) => (
          <List.Item
            key={task.id}
            onClick={() => navigate(`/m/tasks/${task.id}`)}
            description={
              <>
                {task.leadUnit.name} · {t('myTasks.deadline', { date: task.deadline })}
                {task.action ? ` · ${task.action.name}` : ''}
              </>
            }
            extra={<MyTaskStateTag task={task} />}
          >
            {task.title}
          </List.Item>
        ))}
      </List>
      <InfiniteScroll
        hasMore={!!tasks.hasNextPage}
        loadMore={async () => {
          await tasks.fetchNextPage();
        }}
      />
    </MobileShell>
  );
}
