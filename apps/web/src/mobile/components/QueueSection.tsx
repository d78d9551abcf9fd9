import { Button, List, NoticeBar, Space, Tag } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/format';
import type { FailedWrite, QueuedWrite } from '../offline-queue';
import type { QueueState } from '../use-queue';
import { describeWrite } from '../write-labels';

function useWriteTitle() {
  const { t } = useTranslation();
  return (w: QueuedWrite) => {
    const { key, target } = describeWrite(w);
    return target ? t('sync.withTarget', { what: t(key), target }) : t(key);
  };
}

/** 待同步: the queued writes in sending order, the sync button, and writes the server refused. */
export function QueueSection({ queue }: { queue: QueueState }) {
  const { t } = useTranslation();
  const writeTitle = useWriteTitle();
  const result = queue.lastResult;
  return (
    <>
      <List
        header={
          <Space justify="between" align="center" block>
            <span>{t('mobile.pendingCount', { count: queue.pendingCount })}</span>
            <Button
              size="small"
              color="primary"
              loading={queue.isFlushing}
              disabled={queue.isFlushing}
              onClick={() => void queue.flush()}
            >
              {queue.isFlushing ? t('mobile.syncing') : t('mobile.sync')}
            </Button>
          </Space>
        }
        aria-label={t('mobile.pending')}
      >
        {queue.pending.length === 0 && <List.Item>{t('mobile.noPending')}</List.Item>}
        {queue.pending.map((w) => (
          <List.Item
            key={w.id}
            description={
              <>
                {formatDateTime(w.createdAt)}
                {w.attempts > 0 && ` · ${t('mobile.attempts', { count: w.attempts })}`}
                {w.lastError && ` · ${w.lastError}`}
              </>
            }
          >
            {writeTitle(w)}
          </List.Item>
        ))}
      </List>
      {result && (
        <NoticeBar
          color={result.stoppedBy ? 'alert' : 'info'}
          content={
            result.stoppedBy
              ? t(`mobile.stopped.${result.stoppedBy}`)
              : t('mobile.syncResult', { sent: result.sent, remaining: result.remaining })
          }
          wrap
        />
      )}
      {queue.failed.length > 0 && <FailedList failed={queue.failed} queue={queue} />}
    </>
  );
}

function FailedList({ failed, queue }: { failed: FailedWrite[]; queue: QueueState }) {
  const { t } = useTranslation();
  const writeTitle = useWriteTitle();
  return (
    <List header={t('mobile.failed')} aria-label={t('mobile.failed')}>
      {failed.map((w) => (
        <List.Item
          key={w.id}
          description={
            <>
              <Tag color="danger">{w.status}</Tag> {w.error.message}
            </>
          }
          extra={
            <Space direction="vertical">
              <Button size="mini" onClick={() => void queue.retry(w.id)}>
                {t('mobile.retry')}
              </Button>
              <Button size="mini" color="danger" fill="outline" onClick={() => void queue.discard(w.id)}>
                {t('mobile.discard')}
              </Button>
            </Space>
          }
        >
          {writeTitle(w)}
        </List.Item>
      ))}
    </List>
  );
}
