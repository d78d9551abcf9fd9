import { UploadOutlined } from '@ant-design/icons';
import { type PointView, pointTypes } from '@wenming/contracts';
import { Alert, Button, Card, Segmented, Select, Spin } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { RegionSelect } from '../../../components/selects';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { ImportDialog } from '../../imports/ImportDialog';
import { usePoints, usePointsMap } from '../queries';

const PointsMap = lazy(() => import('../components/PointsMap'));

/** 测评点位: the list or the map of the points, filtered by region and type; Excel import. */
export function PointsPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const params = useListParams(['regionCode', 'pointType', 'view'] as const);
  const isMap = params.filters.view === 'map';
  const { view: _view, ...listQuery } = params.query;
  const list = usePoints(listQuery);
  const map = usePointsMap({ regionCode: params.filters.regionCode, pointType: params.filters.pointType }, isMap);
  const typeOptions = useEnumOptions('pointType', pointTypes);
  const [importOpen, setImportOpen] = useState(false);

  return (
    <Card
      title={t('point.title')}
      extra={
        <Segmented
          value={isMap ? 'map' : 'list'}
          onChange={(v) => params.setFilter('view', v === 'map' ? 'map' : undefined)}
          options={[
            { value: 'list', label: t('point.list') },
            { value: 'map', label: t('point.map') },
          ]}
        />
      }
    >
      <ListToolbar
        q={isMap ? undefined : params.q}
        onSearch={isMap ? undefined : params.setQ}
        filters={
          <>
            <Select
              aria-label={t('point.type')}
              placeholder={t('point.type')}
              allowClear
              value={params.filters.pointType}
              onChange={(v) => params.setFilter('pointType', v)}
              options={typeOptions}
              style={{ width: 160 }}
            />
            <RegionSelect
              aria-label={t('common.filterRegion')}
              placeholder={t('common.filterRegion')}
              allowClear
              value={params.filters.regionCode}
              onChange={(v) => params.setFilter('regionCode', v)}
              style={{ width: 220 }}
            />
          </>
        }
        actions={
          can('region.manage') && (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
              {t('common.import')}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={isMap ? map.error : list.error} />
      {isMap ? (
        <Suspense fallback={<Spin />}>
          {map.data?.truncated && <Alert type="info" title={t('point.truncated')} style={{ marginBottom: 8 }} />}
          {map.data ? <PointsMap points={map.data.points} ariaLabel={t('point.mapLabel')} /> : <Spin />}
        </Suspense>
      ) : (
        <DataTable<PointView>
          tableId="points"
          rowKey="id"
          loading={list.isFetching}
          onRefresh={() => void list.refetch()}
          dataSource={list.data?.items}
          pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
          columns={[
            { title: t('point.name'), dataIndex: 'name' },
            { title: t('point.type'), dataIndex: 'pointType', render: (v: string) => t(`pointType.${v}`) },
            { title: t('point.region'), dataIndex: 'regionName', render: (v, p) => v ?? p.regionCode },
            { title: t('point.grid'), dataIndex: 'gridName' },
            { title: t('point.address'), dataIndex: 'address' },
            {
              title: t('point.coords'),
              key: 'coords',
              render: (_, p) => (p.lat != null && p.lng != null ? `${p.lat}, ${p.lng}` : '—'),
            },
          ]}
        />
      )}
      <ImportDialog kind="points" open={importOpen} onClose={() => setImportOpen(false)} />
    </Card>
  );
}
