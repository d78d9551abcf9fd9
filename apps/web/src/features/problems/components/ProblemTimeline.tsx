import type { ProblemDetailView } from '@wenming/contracts';
import { Card, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { problemStatusColors } from './ProblemStatusTag';

/** 办理过程: every transition of the problem, oldest first, with who, when, why and where it went. */
export function ProblemTimeline({ problem }: { problem: ProblemDetailView }) {
  const { t } = useTranslation();
  return (
    <Card title={t('problem.timeline')} size="small">
      <Timeline
        aria-label={t('problem.timeline')}
        items={problem.history.map((h) => ({
          key: h.id,
          color: h.action === 'return' || h.action === 'dispute' ? 'red' : 'blue',
          content: (
            <div data-testid="problem-history-entry">
              <Typography.Text strong>{t(`problemAction.${h.action}`)}</Typography.Text>{' '}
              <Tag color={problemStatusColors[h.toStatus]}>{t(`problemStatus.${h.toStatus}`)}</Tag>
              <Typography.Text type="secondary">
                {h.actorName ?? ''} · {formatDateTime(h.at)}
              </Typography.Text>
              {h.unit && <div>{`${t('problem.unit')}：${h.unit.name}`}</div>}
              {h.reason && <div>{`${t('problem.reason')}：${h.reason}`}</div>}
              {h.photoFileIds.length > 0 && <div>{`${t('problem.photo')} × ${h.photoFileIds.length}`}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
