import { PlusOutlined } from '@ant-design/icons';
import { pairingTargets } from '@wenming/contracts';
import { App, Button, Card, Popconfirm, Select } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumLabel, useEnumOptions } from '../../../components/enum-options';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { ListToolbar } from '../../../components/ListToolbar';
import { RegionSelect, UnitSelect } from '../../../components/selects';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { PairingFormFields } from '../components/PairingFormFields';
import { type PairingView, pairingsResource } from '../queries';

type PairingFormValues = Pick<PairingView, 'unitId' | 'kind' | 'targetKind' | 'targetRef' | 'note'>;

/** 包联/包街/结对共建: which unit answers for which region, grid or point. */
export function PairingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAccess();
  const params = useListParams(['unitId', 'targetKind', 'regionCode'] as const);
  const list = pairingsResource.useList(params.query);
  const create = pairingsResource.useCreate();
  const remove = pairingsResource.useRemove();
  const [isCreating, setCreating] = useState(false);
  const targetOptions = useEnumOptions('pairingTarget', pairingTargets);
  const kindLabel = useEnumLabel('pairingKind');
  const targetLabel = useEnumLabel('pairingTarget');
  const canManage = can('pairing.manage');

  const submit = (v: PairingFormValues) => create.mutateAsync({ ...v, note: v.note?.trim() ? v.note.trim() : null });
  const removePairing = (id: string) =>
    remove.mutateAsync(id).then(
      () => message.success(t('common.deleted')),
      (err: Error) => message.error(err.message),
    );

  return (
    <Card title={t('pairing.title')}>
      <ListToolbar
        filters={
          <>
            <UnitSelect
              aria-label={t('pairing.filterUnit')}
              placeholder={t('pairing.unit')}
              allowClear
              value={params.filters.unitId}
              onChange={(v) => params.setFilter('unitId', v)}
              style={{ width: 220 }}
            />
            <Select
              aria-label={t('pairing.filterTargetKind')}
              placeholder={t('pairing.targetKind')}
              allowClear
              value={params.filters.targetKind}
              onChange={(v) => params.setFilter('targetKind', v)}
              options={targetOptions}
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
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('common.create')}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<PairingView>
        tableId="pairings"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        columns={[
          { title: t('pairing.unit'), dataIndex: 'unitName', render: (v, p) => v ?? p.unitId },
          { title: t('pairing.kind'), dataIndex: 'kind', render: kindLabel },
          { title: t('pairing.targetKind'), dataIndex: 'targetKind', render: targetLabel },
          { title: t('pairing.target'), dataIndex: 'targetName', render: (v, p) => v ?? p.targetRef },
          { title: t('pairing.region'), dataIndex: 'regionCode' },
          { title: t('pairing.note'), dataIndex: 'note' },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 90,
                  render: (_: unknown, p: PairingView) => (
                    <Popconfirm
                      title={t('pairing.deleteConfirm')}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => removePairing(p.id)}
                    >
                      <Button size="small" type="link" danger>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <EntityFormDrawer<PairingFormValues>
        open={isCreating}
        name="pairing"
        title={t('pairing.create')}
        initialValues={{ kind: 'baolian', targetKind: 'region' }}
        onClose={() => setCreating(false)}
        onSubmit={submit}
      >
        <PairingFormFields />
      </EntityFormDrawer>
    </Card>
  );
}
