import type { TaskDetailView } from '@wenming/contracts';
import { Descriptions, Divider, Drawer, Empty, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useLedger, useTask } from '../queries';
import { LedgerList, LedgerReportForm } from './LedgerSection';
import { TaskActionBar } from './TaskActionBar';
import { taskStateColors, TaskStateTag } from './TaskStateTag';

/** A task: what, who, when; the actions the server allows; its history; its ledger and the report form. */
export function TaskDetailDrawer({ taskId, onClose }: { taskId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const task = useTask(taskId);
  const ledger = useLedger(taskId);
  const d = task.data;
  return (
    <Drawer open={!!taskId} size={720} title={d?.title ?? t('task.detail')} onClose={onClose} destroyOnHidden>
      <ApiErrorAlert error={task.error} onRetry={() => void task.refetch()} />
      {!d ? (
        !task.isError && <Skeleton active />
      ) : (
        <>
          <TaskFacts task={d} />
          <Divider />
          <TaskActionBar task={d} />
          <Divider titlePlacement="start">{t('task.history')}</Divider>
          <TaskHistory task={d} />
          <Divider titlePlacement="start">{t('task.ledger')}</Divider>
          <ApiErrorAlert error={ledger.error} />
          <LedgerList entries={ledger.data ?? []} />
          {d.allowedActions.includes('report') && (
            <>
              <Divider titlePlacement="start">{t('task.report')}</Divider>
              <LedgerReportForm taskId={d.id} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}

function TaskFacts({ task: d }: { task: TaskDetailView }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" bordered column={2}>
      <Descriptions.Item label={t('task.state')} span={2}>
        <TaskStateTag state={d.state} isOverdue={d.isOverdue} />
      </Descriptions.Item>
      <Descriptions.Item label={t('task.action')}>{d.action?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('task.indicator')}>
        {d.indicator ? `${d.indicator.code} ${d.indicator.name}` : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('task.leadUnit')}>{d.leadUnit.name}</Descriptions.Item>
      <Descriptions.Item label={t('task.coUnits')}>{d.coUnits.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('task.deadline')}>
        <Typography.Text type={d.isOverdue ? 'danger' : undefined}>{d.deadline}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('task.cadence')}>{t(`taskCadence.${d.cadence}`)}</Descriptions.Item>
      <Descriptions.Item label={t('task.owner')}>{d.owner?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('task.lastReportedAt')}>{formatDateTime(d.lastReportedAt) || '—'}</Descriptions.Item>
      {d.description && (
        <Descriptions.Item label={t('task.description')} span={2}>
          {d.description}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** 流转记录, oldest first; a return shows its reason. */
function TaskHistory({ task }: { task: TaskDetailView }) {
  const { t } = useTranslation();
  if (task.history.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('task.noHistory')} />;
  return (
    <Timeline
      items={task.history.map((h, i) => ({
        key: `${h.at}-${i}`,
        color: taskStateColors[h.to],
        content: (
          <>
            <Typography.Text strong>
              {t(`taskAction.${h.action}`)} → {t(`taskState.${h.to}`)}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {t('task.byWhom', { by: h.by, at: formatDateTime(h.at) })}
              </Typography.Text>
            </div>
            {h.reason && (
              <div>
                <Typography.Text type="danger">
                  {t('task.returnReason')}：{h.reason}
                </Typography.Text>
              </div>
            )}
          </>
        ),
      }))}
    />
  );
}
