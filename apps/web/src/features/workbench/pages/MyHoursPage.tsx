// 我的服务时长 (desktop, volunteers): each activity I served at and each service order paid to me, with its hours
// and whether they are confirmed; the confirmed total is the time bank's service hours too.
import { Card, Col, Row, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { type DataColumn, DataTable } from '../../../components/DataTable';
import { type MyHoursRecord, useMyRecords } from '../../volunteering/queries';

export function MyHoursPage() {
  const { t } = useTranslation();
  const records = useMyRecords();
  const rows = records.data ?? [];
  const total = (status: MyHoursRecord['hoursStatus']) =>
    rows.filter((r) => r.hoursStatus === status).reduce((n, r) => n + (r.hours ?? 0), 0);
  const columns: DataColumn<MyHoursRecord>[] = [
    {
      key: 'title',
      title: t('my.serviceRecord'),
      dataIndex: 'title',
      alwaysShown: true,
      longText: true,
      render: (v: string, r) =>
        r.source === 'order' ? (
          <>
            <Tag color="blue">{t('my.order')}</Tag>
            {v}（{r.orderNumber}）
          </>
        ) : (
          v
        ),
    },
    { key: 'startsAt', title: t('my.startsAt'), dataIndex: 'startsAt', width: 190, render: (v) => formatDateTime(v) },
    {
      key: 'checkInAt',
      title: t('my.checkIn'),
      dataIndex: 'checkInAt',
      width: 190,
      minScreen: 'xl',
      render: (v) => formatDateTime(v),
    },
    {
      key: 'checkOutAt',
      title: t('my.checkOut'),
      dataIndex: 'checkOutAt',
      width: 190,
      minScreen: 'xl',
      render: (v) => formatDateTime(v),
    },
    { key: 'hours', title: t('my.hours'), dataIndex: 'hours', width: 100, render: (v: number | null) => v ?? '—' },
    {
      key: 'hoursStatus',
      title: t('my.hoursStatus'),
      dataIndex: 'hoursStatus',
      width: 120,
      fixed: 'right',
      alwaysShown: true,
      render: (v: string) => <Tag color={v === 'confirmed' ? 'green' : 'gold'}>{t(`hoursStatus.${v}`)}</Tag>,
    },
  ];
  return (
    <Card title={t('menu.myHours')}>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={8}>
          <Statistic title={t('hoursStatus.confirmed')} value={total('confirmed')} suffix={t('my.hourUnit')} />
        </Col>
        <Col span={8}>
          <Statistic title={t('hoursStatus.pending')} value={total('pending')} suffix={t('my.hourUnit')} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('my.activitiesServed')}
            value={rows.filter((r) => r.source === 'activity').length}
            suffix={`· ${t('my.ordersServed')} ${rows.filter((r) => r.source === 'order').length}`}
          />
        </Col>
      </Row>
      <ApiErrorAlert error={records.error} onRetry={() => void records.refetch()} />
      <DataTable<MyHoursRecord>
        tableId="my-hours"
        rowKey={(r) => r.activityId ?? `${r.orderId}:${r.startsAt}`}
        columns={columns}
        onRefresh={() => void records.refetch()}
        loading={records.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
      />
    </Card>
  );
}
