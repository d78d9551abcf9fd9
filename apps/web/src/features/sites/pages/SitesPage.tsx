import { PlusOutlined } from '@ant-design/icons';
import { siteKinds } from '@wenming/contracts';
import { Button, Card, Select } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumLabel, useEnumOptions } from '../../../components/enum-options';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { ListToolbar } from '../../../components/ListToolbar';
import { RegionSelect } from '../../../components/selects';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { FiveHasTags } from '../components/FiveHasTags';
import { SiteFormFields } from '../components/SiteFormFields';
import { type SiteView, sitesResource } from '../queries';

type SiteFormValues = Omit<SiteView, 'id' | 'version' | 'regionName'>;

const noFiveHas = { organisation: false, plan: false, carrier: false, highlight: false, effect: false };

function toSiteBody(v: SiteFormValues) {
  return {
    name: v.name,
    kind: v.kind,
    regionCode: v.regionCode,
    address: v.address?.trim() ? v.address.trim() : null,
    fiveHas: { ...noFiveHas, ...v.fiveHas },
    lat: v.lat ?? null,
    lng: v.lng ?? null,
  };
}

function toFormValues(s: SiteView): Partial<SiteFormValues> {
  const { id: _id, version: _version, regionName: _regionName, ...rest } = s;
  return { ...rest, fiveHas: { ...noFiveHas, ...s.fiveHas } };
}

export function SitesPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const params = useListParams(['kind', 'regionCode'] as const);
  const list = sitesResource.useList(params.query);
  const create = sitesResource.useCreate();
  const update = sitesResource.useUpdate();
  const [editing, setEditing] = useState<SiteView | 'new' | null>(null);
  const kindOptions = useEnumOptions('siteKind', siteKinds);
  const kindLabel = useEnumLabel('siteKind');
  const canManage = can('site.manage');
  const current = editing !== 'new' ? editing : null;

  const submit = (v: SiteFormValues) =>
    current
      ? update.mutateAsync({ id: current.id, version: current.version, body: toSiteBody(v) })
      : create.mutateAsync(toSiteBody(v));
  const reload = async () => {
    const fresh = await sitesResource.fetchOne(current!.id);
    setEditing(fresh);
    return toFormValues(fresh);
  };

  return (
    <Card title={t('site.title')}>
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        filters={
          <>
            <Select
              aria-label={t('site.filterKind')}
              placeholder={t('site.kind')}
              allowClear
              value={params.filters.kind}
              onChange={(v) => params.setFilter('kind', v)}
              options={kindOptions}
              style={{ width: 200 }}
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
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('common.create')}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<SiteView>
        tableId="sites"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        scroll={{ x: 900 }}
        columns={[
          { title: t('site.name'), dataIndex: 'name', fixed: 'left' },
          { title: t('site.kind'), dataIndex: 'kind', render: kindLabel },
          { title: t('site.region'), dataIndex: 'regionName', render: (v, s) => v ?? s.regionCode },
          {
            title: t('site.fiveHas'),
            dataIndex: 'fiveHas',
            render: (v: SiteView['fiveHas']) => <FiveHasTags fiveHas={v} />,
          },
          { title: t('site.address'), dataIndex: 'address' },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, s: SiteView) => (
                    <Button size="small" type="link" onClick={() => setEditing(s)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <EntityFormDrawer<SiteFormValues>
        open={editing !== null}
        name="site"
        title={current ? t('site.edit') : t('site.create')}
        initialValues={current ? toFormValues(current) : { fiveHas: noFiveHas }}
        onClose={() => setEditing(null)}
        onSubmit={submit}
        onReload={current ? reload : undefined}
      >
        <SiteFormFields regionName={current?.regionName} />
      </EntityFormDrawer>
    </Card>
  );
}
