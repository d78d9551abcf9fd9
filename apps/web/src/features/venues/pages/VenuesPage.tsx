import { PlusOutlined } from '@ant-design/icons';
import type { VenueView } from '@wenming/contracts';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { DataTable } from '../../../components/DataTable';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { fromOpeningSlots } from '../opening-form';
import { useVenues } from '../queries';
import { VenueFormModal } from './VenueFormModal';

/** 场馆预约: the venues of the practice sites, each opening to its calendar, review, check-in and usage. */
export function VenuesPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const params = useListParams([] as const);
  const list = useVenues(params.query);
  const [editing, setEditing] = useState<VenueView | 'new' | null>(null);
  const openings = (v: VenueView) => {
    const o = fromOpeningSlots(v.openingSlots);
    return `${o.weekdays.map((d) => t(`weekday.${d}`)).join('、')} ${o.times}`;
  };
  return (
    <Card title={t('venue.title')}>
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        actions={
          can('venue.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('venue.create')}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<VenueView>
        tableId="venues"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        columns={[
          { title: t('venue.name'), dataIndex: 'name', render: (v, r) => <Link to={`/venues/${r.id}`}>{v}</Link> },
          { title: t('venue.site'), dataIndex: 'siteName' },
          { title: t('venue.kind'), dataIndex: 'kindLabel' },
          { title: t('venue.capacity'), dataIndex: 'capacity' },
          { title: t('venue.openings'), key: 'openings', render: (_, r) => openings(r) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, r) =>
              r.canManage && (
                <Button size="small" type="link" onClick={() => setEditing(r)}>
                  {t('common.edit')}
                </Button>
              ),
          },
        ]}
      />
      <VenueFormModal
        open={editing !== null}
        venue={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
