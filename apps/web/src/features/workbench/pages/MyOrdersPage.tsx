// 我的订单 (desktop): a resident's orders (to rate when done), a volunteer's orders to serve and those open to grab.
// Each opens on the order page the phone uses too, where taking, completing and rating happen.
import type { OrderView } from '@wenming/contracts';
import { Card, Segmented, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { orderStatusColors } from '../../../app/status-colors';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { type DataColumn, DataTable } from '../../../components/DataTable';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination, usePagedQuery } from '../../../components/use-paged-query';

type View = 'ordered' | 'assigned' | 'offers';

export function MyOrdersPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const params = useListParams(['view', 'status'] as const);
  const views: View[] = [
    ...(can('order.rate') ? (['ordered'] as const) : []),
    ...(can('order.accept') ? (['assigned', 'offers'] as const) : []),
  ];
  const view = (views.find((v) => v === params.filters.view) ?? views[0] ?? 'ordered') as View;
  const mine = view === 'offers' ? 'offered' : view;
  const list = usePagedQuery<OrderView>('my-orders', 'orders', {
    mine,
    status: params.filters.status,
    page: params.page,
    pageSize: params.pageSize,
  });
  const columns: DataColumn<OrderView>[] = [
    {
      key: 'title',
      title: t('my.order'),
      dataIndex: 'title',
      alwaysShown: true,
      longText: true,
      render: (v: string, o) => <a href={`/m/orders/${o.id}`}>{`${o.number} ${v}`}</a>,
    },
    { key: 'site', title: t('my.site'), dataIndex: ['site', 'name'], width: 200, minScreen: 'xl' },
    { key: 'urgency', title: t('my.urgency'), dataIndex: 'urgency', width: 110, render: (v) => t(`orderUrgency.${v}`) },
    { key: 'dueAt', title: t('my.dueAt'), dataIndex: 'dueAt', width: 190, render: (v) => formatDateTime(v) },
    {
      key: 'status',
      title: t('my.status'),
      dataIndex: 'status',
      width: 110,
      fixed: 'right',
      alwaysShown: true,
      render: (v: OrderView['status']) => <Tag color={orderStatusColors[v]}>{t(`orderStatus.${v}`)}</Tag>,
    },
  ];
  return (
    <Card
      title={t('menu.myOrders')}
      extra={
        views.length > 1 && (
          <Segmented
            value={view}
            onChange={(v) => params.setFilters({ view: v as string, status: undefined })}
            options={views.map((v) => ({ value: v, label: t(`my.view.${v}`) }))}
          />
        )
      }
    >
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<OrderView>
        tableId="my-orders"
        rowKey="id"
        columns={columns}
        onRefresh={() => void list.refetch()}
        loading={list.isFetching}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
      />
    </Card>
  );
}
