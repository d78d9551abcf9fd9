import { DownloadOutlined } from '@ant-design/icons';
import type { DeductionView, IndicatorScoreView } from '@wenming/contracts';
import { Button, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiUrl } from '../../../api/client';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatScore } from '../format';
import { useDeductions } from '../queries';

interface Props {
  evaluationId: string;
  subject: string;
  /** Where a field standard's row leads (its points). */
  hrefOf: (row: IndicatorScoreView) => string;
}

/** 失分项: the subject's lost points, largest first, with the Excel the unit works through. */
export function DeductionsList({ evaluationId, subject, hrefOf }: Props) {
  const { t } = useTranslation();
  const deductions = useDeductions(evaluationId, subject);
  const items = [...(deductions.data?.items ?? [])].sort((a, b) => b.lost - a.lost);
  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text>
          {deductions.data &&
            t('evaluation.totalLost', { lost: formatScore(deductions.data.totalLost), n: items.length })}
        </Typography.Text>
        <Button icon={<DownloadOutlined />} href={apiUrl(`evaluations/${evaluationId}/deductions.xlsx`, { subject })}>
          {t('evaluation.exportDeductions')}
        </Button>
      </Flex>
      <ApiErrorAlert error={deductions.error} onRetry={() => void deductions.refetch()} />
      <Table<DeductionView>
        rowKey="indicatorId"
        size="small"
        loading={deductions.isFetching}
        dataSource={items}
        pagination={{ pageSize: 20, showTotal: (n) => t('common.total', { total: n }) }}
        columns={[
          { title: '#', key: 'i', width: 50, render: (_, __, i) => i + 1 },
          {
            title: t('evaluation.indicator'),
            key: 'name',
            render: (_, r) => (
              <div>
                {r.source === 'field' ? (
                  <Link to={hrefOf(r)}>
                    {r.code} {r.name}
                  </Link>
                ) : (
                  `${r.code} ${r.name}`
                )}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.path.join(' / ')}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: t('evaluation.source'),
            dataIndex: 'source',
            width: 100,
            render: (v: string) => t(`evaluationSource.${v}`),
          },
          {
            title: t('evaluation.fullPoints'),
            dataIndex: 'fullPoints',
            width: 80,
            render: (v: number) => formatScore(v),
          },
          { title: t('evaluation.score'), dataIndex: 'score', width: 80, render: (v: number) => formatScore(v) },
          {
            title: t('evaluation.lost'),
            dataIndex: 'lost',
            width: 90,
            render: (v: number) => (
              <Typography.Text type="danger" strong>
                -{formatScore(v)}
              </Typography.Text>
            ),
          },
          {
            title: t('evaluation.metApplicable'),
            key: 'met',
            width: 110,
            render: (_, r) =>
              r.notSampled ? t('evaluation.notSampledTag') : r.met !== null ? `${r.met}/${r.applicable}` : '—',
          },
        ]}
      />
    </>
  );
}
