import { useQueryClient } from '@tanstack/react-query';
import { ErrorBlock, List, NavBar, NoticeBar, Skeleton } from 'antd-mobile';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { apiUrl } from '../../api/client';
import { formatDateTime } from '../../app/format';
import { useLedger, useTask } from '../../features/campaigns/queries';
import { MobileShell } from '../MobileShell';
import { useQueue } from '../use-queue';
import { MyTaskStateTag } from './MyTasksPage';
import { MyTasksReportForm } from './MyTasksReportForm';

/** One of my tasks on the phone: what and until when, why it came back, what was reported, and the report form. */
export function MyTasksDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const queue = useQueue();
  const task = useTask(id);
  const ledger = useLedger(id);

  // When queued writes go out (e.g. back online), show what the server now holds.
  const lastPending = useRef(queue.pendingCount);
  useEffect(() => {
    if (queue.pendingCount < lastPending.current) void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    lastPending.current = queue.pendingCount;
  }, [queue.pendingCount, queryClient]);

  const d = task.data;
  const lastReturn = d?.history.filter((h) => h.action === 'return').at(-1);
  return (
    <MobileShell>
      <NavBar onBack={() => navigate('/m/tasks')}>{t('task.detail')}</NavBar>
      {!queue.isOnline && <NoticeBar color="alert" content={t('mobile.offlineHint')} wrap />}
      {task.isError && <ErrorBlock status="default" title={t('common.error')} description={task.error.message} />}
      {!d && !task.isError && <Skeleton.Paragraph lineCount={6} animated />}
      {d && (
        <>
          <List header={d.campaignName}>
            <List.Item extra={<MyTaskStateTag task={d} />} description={d.description ?? undefined}>
              {d.title}
            </List.Item>
            <List.Item extra={d.leadUnit.name}>{t('task.leadUnit')}</List.Item>
            {d.coUnits.length > 0 && (
              <List.Item extra={d.coUnits.map((u) => u.name).join('、')}>{t('task.coUnits')}</List.Item>
            )}
            <List.Item extra={d.deadline}>{t('task.deadline')}</List.Item>
            <List.Item extra={t(`taskCadence.${d.cadence}`)}>{t('task.cadence')}</List.Item>
            {d.indicator && <List.Item extra={d.indicator.code}>{d.indicator.name}</List.Item>}
          </List>
          {d.state === 'returned' && lastReturn?.reason && (
            <div role="alert">
              <NoticeBar color="error" content={t('myTasks.returnedReason', { reason: lastReturn.reason })} wrap />
            </div>
          )}
          <List header={t('task.ledger')}>
            {(ledger.data ?? []).length === 0 && <List.Item>{t('task.noLedger')}</List.Item>}
            {(ledger.data ?? []).map((e) => (
              <List.Item
                key={e.id}
                description={
                  <>
                    {e.createdBy} · {formatDateTime(e.createdAt)}
                    {e.files.map((f) => (
                      <div key={f.id}>
                        {t('task.evidence')}：<a href={apiUrl(`files/${f.id}`)}>{f.name}</a>
                      </div>
                    ))}
                  </>
                }
              >
                <span style={{ whiteSpace: 'pre-wrap' }}>{e.text}</span>
              </List.Item>
            ))}
          </List>
          {d.allowedActions.includes('report') ? (
            <MyTasksReportForm taskId={d.id} />
          ) : (
            d.state !== 'accepted' &&
            d.state !== 'reported' && <NoticeBar color="info" content={t('myTasks.notAllowed')} wrap />
          )}
        </>
      )}
    </MobileShell>
  );
}
