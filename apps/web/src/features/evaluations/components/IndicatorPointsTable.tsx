import type { IndicatorPointView } from '@wenming/contracts';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatScore } from '../format';
import { useIndicatorPoints } from '../queries';

interface Props {
  evaluationId: string;
  subject: string;
  indicatorId: string;
  /** Where a point's row leads (its inspections). */
  hrefOf: (point: IndicatorPointView['point']) => string;
}

/** One standard across the subject's sampled points: met / not met / N/A and the points earned there. */
export function IndicatorPointsTable({ evaluationId, subject, indicatorId, hrefOf }: Props) {
  const { t } = useTranslation();
  const points = useIndicatorPoints(evaluationId, subject, indicatorId);
  const rows = [...(points.data ?? [])].sort((a, b) => b.possible - b.earned - (a.possible - a.earned));
  return (
    <>
      <ApiErrorAlert error={points.error} onRetry={() => void points.refetch()} />
      <Table<IndicatorPointView>
        rowKey={(r) => r.point.id}
        size="small"
        loading={points.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { total: n }) }}
        onRow={(r) => ({ style: r.notMet > 0 ? { background: '#fff1f0' } : undefined })}
        columns={[
          {
            title: t('evaluation.point'),
            key: 'point',
            render: (_, r) => <Link to={hrefOf(r.point)}>{r.point.name}</Link>,
          },
          {
            title: t('evaluation.pointType'),
            key: 'type',
            width: 140,
            render: (_, r) => t(`pointType.${r.point.pointType}`),
          },
          { title: t('evaluation.result.met'), dataIndex: 'met', width: 80 },
          {
            title: t('evaluation.result.not_met'),
            dataIndex: 'notMet',
            width: 90,
            render: (v: number) => (v > 0 ? <Typography.Text type="danger">{v}</Typography.Text> : v),
          },
          { title: t('evaluation.result.na'), dataIndex: 'na', width: 80 },
          {
            title: t('evaluation.earnedPossible'),
            key: 'earned',
            width: 120,
            render: (_, r) => `${formatScore(r.earned)} / ${formatScore(r.possible)}`,
          },
        ]}
      />
    </>
  );
}
