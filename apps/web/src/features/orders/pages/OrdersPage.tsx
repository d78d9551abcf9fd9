import { type OrderView, orderStatuses, orderUrgencies } from '@wenming/contracts';
import { Card, Checkbox, Segmented, Select } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { SiteSelect } from '../../../components/selects';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { OrderBoard } from '../components/OrderBoard';
import { OrderStatusTag, UrgencyTag } from '../components/OrderTags';
import { useOrders } from '../queries';

const filterKeys = ['status', 'urgency', 'siteId', 'overdue', 'view'] as const;

/** 服务订单: a board by state (open orders) or a paged list of every order, with the same filters. */
export function OrdersPage() {
  const { t } = useTranslation();
  const params = useListParams(filterKeys);
  const isList = params.filters.view === 'list';
  const { view: _v, ...query } = params.query;
  const { view: _v2, status: _s, ...boardFilters } = params.filterQuery;
  const list = useOrders(query, isList);
  const statusOptions = useEnumOptions('orderStatus', orderStatuses);
  const urgencyOptions = useEnumOptions('orderUrgency', orderUrgencies);

  return (
    <Card
      title={t('ord.title')}
      extra={
        <Segmented
          value={isList ? 'list' : 'board'}
          onChange={(v) => params.setFilter('view', v === 'list' ? 'list' : undefined)}
          options={[
            { value: 'board', label: t('ord.board') },
            { value: 'list', label: t('ord.list') },
          ]}
        />
      }
    >
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        filters={
          <>
            {isList && (
              <Select
                aria-label={t('ord.filterStatus')}
                placeholder={t('ord.status')}
                allowClear
                value={params.filters.status}
                onChange={(v) => params.setFilter('status', v)}
                options={statusOptions}
                style={{ width: 130 }}
              />
            )}
            <Select
              aria-label={t('ord.filterUrgency')}
              placeholder={t('ord.urgency')}
              allowClear
              value={params.filters.urgency}
              onChange={(v) => params.setFilter('urgency', v)}
              options={urgencyOptions}
              style={{ width: 130 }}
            />
            <SiteSelect
              aria-label={t('ord.filterSite')}
              placeholder={t('ord.site')}
              allowClear
              value={params.filters.siteId}
              onChange={(v) => params.setFilter('siteId', v)}
              style={{ width: 220 }}
            />
            <Checkbox
              checked={params.filters.overdue === 'true'}
              onChange={(e) => params.setFilter('overdue', e.target.checked ? 'true' : undefined)}
            >
              {t('ord.overdue')}
            </Checkbox>
          </>
        }
      />
      {isList ? (
        <>
          <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          <DataTable<OrderView>
            tableId="orders"
            rowKey="id"
            loading={list.isFetching}
            onRefresh={() => void list.refetch()}
            dataSource={list.data?.items}
            pagination={tablePagination(params, list.data?.total, (total) => t('ord.count', { total }))}
            scroll={{ x: 1200 }}
            columns={[
              {
                title: t('ord.number'),
                dataIndex: 'number',
                width: 170,
                fixed: 'left',
                render: (v: string, o) => <Link to={`/orders/${o.id}`}>{v}</Link>,
              },
              { title: t('ord.item'), dataIndex: 'title', ellipsis: true },
              {
                title: t('ord.status'),
                key: 'status',
                width: 160,
                render: (_, o) => <OrderStatusTag status={o.status} overdue={o.isOverdue} />,
              },
              { title: t('ord.urgency'), dataIndex: 'urgency', width: 110, render: (u) => <UrgencyTag urgency={u} /> },
              { title: t('ord.site'), dataIndex: ['site', 'name'], width: 180 },
              { title: t('ord.assignee'), dataIndex: ['volunteer', 'name'], width: 100 },
              { title: t('ord.createdAt'), dataIndex: 'createdAt', width: 180, render: formatDateTime },
            ]}
          />
        </>
      ) : (
        <OrderBoard filters={boardFilters} />
      )}
    </Card>
  );
}
