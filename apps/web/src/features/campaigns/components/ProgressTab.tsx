import type { ProgressRow } from '@wenming/contracts';
import { Empty, Flex, Progress, Segmented, Select, Skeleton, Table } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useProgress } from '../queries';

const ProgressChart = lazy(() => import('./ProgressChart'));
const ALL = '__all__';

/** Weekly / monthly progress per unit or per action line: on time, overdue, completion rate; chart and table. */
export function ProgressTab({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState<'month' | 'week'>('month');
  const [by, setBy] = useState<'unit' | 'action'>('unit');
  const [bucket, setBucket] = useState(ALL);
  const progress = useProgress(campaignId, { period, by });
  const data = progress.data;
  const buckets = [...new Set((data?.rows ?? []).map((r) => r.period))];
  const rows: ProgressRow[] =
    bucket === ALL ? (data?.summary ?? []) : (data?.rows ?? []).filter((r) => r.period === bucket);

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center">
        <Segmented
          aria-label={t('progress.period')}
          value={period}
          onChange={(v) => {
            setPeriod(v as 'month' | 'week');
            setBucket(ALL);
          }}
          options={[
            { value: 'month', label: t('progress.month') },
            { value: 'week', label: t('progress.week') },
          ]}
        />
        <Segmented
          value={by}
          onChange={(v) => setBy(v as 'unit' | 'action')}
          options={[
            { value: 'unit', label: t('progress.byUnit') },
            { value: 'action', label: t('progress.byAction') },
          ]}
        />
        <Select
          aria-label={t('progress.bucket')}
          value={bucket}
          onChange={setBucket}
          style={{ width: 200 }}
          options={[{ value: ALL, label: t('progress.allPeriods') }, ...buckets.map((b) => ({ value: b, label: b }))]}
        />
      </Flex>
      <ApiErrorAlert error={progress.error} onRetry={() => void progress.refetch()} />
      {!data ? (
        !progress.isError && <Skeleton active />
      ) : rows.length === 0 ? (
        <Empty description={t('progress.empty')} />
      ) : (
        <>
          <Suspense fallback={<Skeleton active />}>
            <ProgressChart rows={rows} ariaLabel={t('progress.chart')} />
          </Suspense>
          <Table<ProgressRow>
            size="small"
            rowKey={(r) => `${r.period}-${r.key ?? 'none'}`}
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('progress.name'), dataIndex: 'name' },
              ...(bucket === ALL ? [] : [{ title: t('progress.bucket'), dataIndex: 'period', width: 110 }]),
              { title: t('progress.total'), dataIndex: 'total', width: 90, sorter: (a, b) => a.total - b.total },
              { title: t('progress.completed'), dataIndex: 'completed', width: 90 },
              { title: t('progress.onTime'), dataIndex: 'onTime', width: 90 },
              {
                title: t('progress.overdue'),
                dataIndex: 'overdue',
                width: 90,
                sorter: (a, b) => a.overdue - b.overdue,
                render: (v: number) => (v > 0 ? <span style={{ color: '#cf1322' }}>{v}</span> : v),
              },
              {
                title: t('progress.rate'),
                dataIndex: 'completionRate',
                width: 200,
                sorter: (a, b) => a.completionRate - b.completionRate,
                render: (v: number) => <Progress percent={Math.round(v * 1000) / 10} size="small" />,
              },
            ]}
          />
        </>
      )}
    </Flex>
  );
}
