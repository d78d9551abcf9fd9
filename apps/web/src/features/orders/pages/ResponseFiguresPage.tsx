import type { OrderResponseStatsView } from '@wenming/contracts';
import { Card, DatePicker, Space, Tag } from 'antd';
import { DataTable } from '../../../components/DataTable';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { SiteSelect } from '../../../components/selects';
import { monthOf } from '../../activities/activity-rules';
import { monthBounds } from '../../timebank/statement-check';
import { Duration } from '../components/Duration';
import { UrgencyTag } from '../components/OrderTags';
import { targetState } from '../order-format';
import { useResponseStats } from '../queries';

type Row = OrderResponseStatsView['rows'][number];

/** 响应时效: per site and urgency (有事即办、急事快办、难事帮办), the average response against its target. */
export function ResponseFiguresPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const month = search.get('month') ?? monthOf(new Date());
  const siteId = search.get('siteId') ?? undefined;
  const stats = useResponseStats({ ...monthBounds(month), siteId });
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
    setSearch(next, { replace: true });
  };

  return (
    <Card
      title={t('resp.title')}
      extra={
        <Space>
          <SiteSelect
            aria-label={t('ord.filterSite')}
            placeholder={t('ord.site')}
            allowClear
            value={siteId}
            onChange={(v) => update({ siteId: v })}
            style={{ width: 220 }}
          />
          <DatePicker
            picker="month"
            aria-label={t('resp.period')}
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && update({ month: d.format('YYYY-MM') })}
          />
        </Space>
      }
    >
      <ApiErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />
      <DataTable<Row>
        tableId="order-figures"
        rowKey={(r) => `${r.site.id}-${r.urgency}`}
        loading={stats.isFetching}
        onRefresh={() => void stats.refetch()}
        dataSource={stats.data?.rows}
        pagination={{ pageSize: 30, hideOnSinglePage: true }}
        columns={[
          { title: t('ord.site'), dataIndex: ['site', 'name'] },
          { title: t('ord.urgency'), dataIndex: 'urgency', width: 120, render: (u) => <UrgencyTag urgency={u} /> },
          { title: t('resp.orders'), dataIndex: 'orders', width: 90, align: 'right' },
          {
            title: t('resp.target'),
            dataIndex: 'targetHours',
            width: 110,
            render: (h: number) => <Duration minutes={h * 60} />,
          },
          {
            title: t('resp.average'),
            dataIndex: 'avgResponseMinutes',
            width: 150,
            render: (m: number | null) => <Duration minutes={m} />,
          },
          { title: t('resp.onTime'), dataIndex: 'withinTarget', width: 100, align: 'right' },
          {
            title: t('resp.rate'),
            dataIndex: 'withinTargetRate',
            width: 100,
            align: 'right',
            render: (r: number | null) => (r == null ? '—' : `${Math.round(r * 1000) / 10}%`),
          },
          { title: t('ord.overdue'), dataIndex: 'overdue', width: 90, align: 'right' },
          {
            title: t('resp.verdict'),
            key: 'state',
            width: 90,
            render: (_, r) => {
              const s = targetState(r.avgResponseMinutes, r.targetHours * 60);
              if (s === 'none') return <Tag>{t('resp.noData')}</Tag>;
              return <Tag color={s === 'met' ? 'green' : 'red'}>{t(s === 'met' ? 'resp.met' : 'resp.missed')}</Tag>;
            },
          },
        ]}
      />
    </Card>
  );
}
