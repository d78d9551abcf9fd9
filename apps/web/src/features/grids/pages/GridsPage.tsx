import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tag } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { ListToolbar } from '../../../components/ListToolbar';
import { RegionSelect } from '../../../components/selects';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { GridFormFields } from '../components/GridFormFields';
import { type GridView, gridsResource } from '../queries';

interface GridFormValues {
  code: string;
  name: string;
  regionCode: string;
  centerLat?: number | null;
  centerLng?: number | null;
  boundaryText?: string;
}

function toGridBody(v: GridFormValues) {
  return {
    code: v.code,
    name: v.name,
    regionCode: v.regionCode,
    centerLat: v.centerLat ?? null,
    centerLng: v.centerLng ?? null,
    boundary: v.boundaryText?.trim() ? JSON.parse(v.boundaryText) : null,
  };
}

function toFormValues(g: GridView): Partial<GridFormValues> {
  return {
    code: g.code,
    name: g.name,
    regionCode: g.regionCode,
    centerLat: g.centerLat,
    centerLng: g.centerLng,
    boundaryText: g.boundary ? JSON.stringify(g.boundary, null, 2) : undefined,
  };
}

export function GridsPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const params = useListParams(['regionCode'] as const);
  const list = gridsResource.useList(params.query);
  const create = gridsResource.useCreate();
  const update = gridsResource.useUpdate();
  const [editing, setEditing] = useState<GridView | 'new' | null>(null);
  const canManage = can('grid.manage');
  const current = editing !== 'new' ? editing : null;

  const submit = (v: GridFormValues) =>
    current
      ? update.mutateAsync({ id: current.id, version: current.version, body: toGridBody(v) })
      : create.mutateAsync(toGridBody(v));
  const reload = async () => {
    const fresh = await gridsResource.fetchOne(current!.id);
    setEditing(fresh);
    return toFormValues(fresh);
  };

  return (
    <Card title={t('grid.title')}>
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        filters={
          <RegionSelect
            aria-label={t('common.filterRegion')}
            placeholder={t('common.filterRegion')}
            allowClear
            value={params.filters.regionCode}
            onChange={(v) => params.setFilter('regionCode', v)}
            style={{ width: 220 }}
          />
        }
        actions={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('common.create')}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<GridView>
        tableId="grids"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        columns={[
          { title: t('grid.code'), dataIndex: 'code' },
          { title: t('grid.name'), dataIndex: 'name' },
          { title: t('grid.region'), dataIndex: 'regionName', render: (v, g) => v ?? g.regionCode },
          {
            title: t('grid.center'),
            key: 'center',
            render: (_, g) =>
              g.centerLat != null && g.centerLng != null ? `${g.centerLat.toFixed(5)}, ${g.centerLng.toFixed(5)}` : '',
          },
          {
            title: t('grid.boundaryDrawn'),
            key: 'boundary',
            width: 110,
            render: (_, g) => (g.boundary ? <Tag color="green">{t('grid.hasBoundary')}</Tag> : t('grid.noBoundary')),
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, g: GridView) => (
                    <Button size="small" type="link" onClick={() => setEditing(g)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <EntityFormDrawer<GridFormValues>
        open={editing !== null}
        name="grid"
        title={current ? t('grid.edit') : t('grid.create')}
        initialValues={current ? toFormValues(current) : {}}
        onClose={() => setEditing(null)}
        onSubmit={submit}
        onReload={current ? reload : undefined}
      >
        <GridFormFields regionName={current?.regionName} />
      </EntityFormDrawer>
    </Card>
  );
}
