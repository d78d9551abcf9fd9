import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { type UnitView, unitTypes } from '@wenming/contracts';
import { Button, Card, Select, Tag } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../api/client';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumLabel, useEnumOptions } from '../../../components/enum-options';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { ListToolbar } from '../../../components/ListToolbar';
import { RegionSelect } from '../../../components/selects';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { ImportDialog } from '../../imports/ImportDialog';
import { UnitFormFields } from '../components/UnitFormFields';
import { unitsResource } from '../queries';

type UnitFormValues = Omit<UnitView, 'id' | 'version' | 'regionName'>;

/** Form values → unitBody: blanks become null; a blank phone on edit is left out (the stored one is kept). */
function toUnitBody(v: UnitFormValues, isEdit: boolean) {
  const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
  return {
    name: v.name,
    type: v.type,
    creditCode: blankToNull(v.creditCode)?.toUpperCase() ?? null,
    regionCode: v.regionCode,
    parentUnitId: v.parentUnitId ?? null,
    honorTier: v.honorTier ?? 'none',
    contactName: blankToNull(v.contactName),
    contactPhone: blankToNull(v.contactPhone) ?? (isEdit ? undefined : null),
    address: blankToNull(v.address),
  };
}

function toFormValues(u: UnitView): Partial<UnitFormValues> {
  const { id: _id, version: _version, regionName: _regionName, contactPhone: _phone, ...rest } = u;
  return rest;
}

export function UnitsPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const params = useListParams(['type', 'regionCode'] as const);
  const list = unitsResource.useList(params.query);
  const create = unitsResource.useCreate();
  const update = unitsResource.useUpdate();
  const [editing, setEditing] = useState<UnitView | 'new' | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const typeOptions = useEnumOptions('unitType', unitTypes);
  const typeLabel = useEnumLabel('unitType');
  const tierLabel = useEnumLabel('honorTier');
  const canManage = can('unit.manage');
  const current = editing !== 'new' ? editing : null;

  const submit = (v: UnitFormValues) =>
    current
      ? update.mutateAsync({ id: current.id, version: current.version, body: toUnitBody(v, true) })
      : create.mutateAsync(toUnitBody(v, false));
  const reload = async () => {
    const fresh = await unitsResource.fetchOne(current!.id);
    setEditing(fresh);
    return toFormValues(fresh);
  };

  return (
    <Card title={t('unit.title')}>
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        filters={
          <>
            <Select
              aria-label={t('unit.filterType')}
              placeholder={t('unit.type')}
              allowClear
              value={params.filters.type}
              onChange={(v) => params.setFilter('type', v)}
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
          <>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                {t('common.create')}
              </Button>
            )}
            {canManage && (
              <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
                {t('common.import')}
              </Button>
            )}
            <Button icon={<DownloadOutlined />} href={apiUrl('units/export.xlsx', params.filterQuery)}>
              {t('common.export')}
            </Button>
          </>
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<UnitView>
        tableId="units"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('unit.name'), dataIndex: 'name', fixed: 'left' },
          { title: t('unit.type'), dataIndex: 'type', render: typeLabel },
          { title: t('unit.creditCode'), dataIndex: 'creditCode' },
          { title: t('unit.region'), dataIndex: 'regionName', render: (v, u) => v ?? u.regionCode },
          {
            title: t('unit.honorTier'),
            dataIndex: 'honorTier',
            render: (v: string) => (v && v !== 'none' ? <Tag color="gold">{tierLabel(v)}</Tag> : null),
          },
          { title: t('unit.contactName'), dataIndex: 'contactName' },
          { title: t('unit.contactPhone'), dataIndex: 'contactPhone' },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, u: UnitView) => (
                    <Button size="small" type="link" onClick={() => setEditing(u)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <EntityFormDrawer<UnitFormValues>
        open={editing !== null}
        name="unit"
        title={current ? t('unit.edit') : t('unit.create')}
        initialValues={current ? toFormValues(current) : { honorTier: 'none' }}
        onClose={() => setEditing(null)}
        onSubmit={submit}
        onReload={current ? reload : undefined}
      >
        <UnitFormFields regionName={current?.regionName} maskedPhone={current?.contactPhone} />
      </EntityFormDrawer>
      <ImportDialog kind="units" open={importOpen} onClose={() => setImportOpen(false)} />
    </Card>
  );
}
