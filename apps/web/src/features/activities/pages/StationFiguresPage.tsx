import type { StationMonthRow } from '@wenming/contracts';
import { Card, Col, DatePicker, Row, Space, Statistic, Tag, Typography } from 'antd';
import { DataTable } from '../../../components/DataTable';
import dayjs from 'dayjs';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { monthOf } from '../activity-rules';
import { useStationMonth, useVolunteerOverview } from '../queries';

const BarChart = lazy(() => import('../../home/components/BarChart'));

/** 一月一活动 per station for a month, and the office's network figures (sites, teams, volunteers). */
export function StationFiguresPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const month = search.get('month') ?? monthOf(new Date());
  const rows = useStationMonth(month);
  const overview = useVolunteerOverview();
  const data = rows.data?.items ?? [];
  const met = data.filter((r) => r.meetsMonthly).length;
  const o = overview.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('fig.title')}
        extra={
          <DatePicker
            picker="month"
            aria-label={t('fig.month')}
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setSearch({ month: d.format('YYYY-MM') }, { replace: true })}
          />
        }
      >
        <ApiErrorAlert error={rows.error} onRetry={() => void rows.refetch()} />
        <Typography.Paragraph strong data-testid="monthly-met">
          {t('fig.metCount', { met, total: data.length })}
        </Typography.Paragraph>
        <DataTable<StationMonthRow>
          tableId="station-figures"
          rowKey="siteId"
          size="middle"
          loading={rows.isFetching}
          onRefresh={() => void rows.refetch()}
          dataSource={data}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          columns={[
            { title: t('fig.site'), dataIndex: 'siteName' },
            { title: t('fig.siteKind'), dataIndex: 'siteKind', width: 180, render: (k: string) => t(`siteKind.${k}`) },
            { title: t('fig.activities'), dataIndex: 'activities', width: 110, align: 'right' },
            {
              title: t('fig.oneActivity'),
              dataIndex: 'meetsMonthly',
              width: 120,
              render: (v: boolean) => <Tag color={v ? 'green' : 'red'}>{v ? t('fig.met') : t('fig.notMet')}</Tag>,
            },
            { title: t('fig.activeVolunteers'), dataIndex: 'activeVolunteers', width: 120, align: 'right' },
            { title: t('fig.hours'), dataIndex: 'hours', width: 150, align: 'right' },
          ]}
        />
        {data.length > 0 && (
          <Suspense fallback={null}>
            <BarChart
              ariaLabel={t('fig.chart')}
              data={data.slice(0, 30).map((r) => ({ label: r.siteName, value: r.activities }))}
            />
          </Suspense>
        )}
      </Card>
      <Card title={t('fig.office')}>
        <ApiErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />
        {o && (
          <>
            <Row gutter={16}>
              <Col span={6}>
                <Statistic title={t('fig.registered')} value={o.registeredVolunteers} />
              </Col>
              <Col span={6}>
                <Statistic title={t('fig.active')} value={o.activeVolunteers} />
              </Col>
              <Col span={6}>
                <Statistic title={t('fig.confirmedHours')} value={o.confirmedHours} />
              </Col>
              <Col span={6}>
                <Statistic title={t('fig.activitiesYear')} value={o.activitiesThisYear} />
              </Col>
            </Row>
            <Row gutter={16} style={{ marginTop: 16 }}>
              <Col span={12}>
                <Typography.Title level={5}>{t('fig.sitesByLevel')}</Typography.Title>
                <Suspense fallback={null}>
                  <BarChart
                    ariaLabel={t('fig.sitesByLevel')}
                    data={Object.entries(o.sitesByKind).map(([k, v]) => ({ label: t(`siteKind.${k}`), value: v }))}
                  />
                </Suspense>
              </Col>
              <Col span={12}>
                <Typography.Title level={5}>{t('fig.teamsByLevel')}</Typography.Title>
                <Suspense fallback={null}>
                  <BarChart
                    ariaLabel={t('fig.teamsByLevel')}
                    data={Object.entries(o.teamsByLevel).map(([k, v]) => ({ label: t(`teamLevel.${k}`), value: v }))}
                  />
                </Suspense>
              </Col>
            </Row>
          </>
        )}
      </Card>
    </Space>
  );
}
