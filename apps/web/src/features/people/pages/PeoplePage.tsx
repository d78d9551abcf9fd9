import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { PersonView } from '@wenming/contracts';
import { Button, Card, Space, Tag } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../../api/client';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumLabel } from '../../../components/enum-options';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { ListToolbar } from '../../../components/ListToolbar';
import { RegionSelect, UnitSelect } from '../../../components/selects';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { ImportDialog } from '../../imports/ImportDialog';
import { PersonFormFields } from '../components/PersonFormFields';
import { RevealPiiButton } from '../components/RevealPiiButton';
import { peopleResource } from '../queries';

interface PersonFormValues {
  name: string;
  gender?: PersonView['gender'];
  idCard?: string;
  phone?: string;
  unitId?: string | null;
  regionCode: string;
  position?: string | null;
}

/** Form values → personBody. Blank ID/phone: null on create, left out on edit (the stored value stays). */
function toPersonBody(v: PersonFormValues, isEdit: boolean) {
  const blank = isEdit ? undefined : null;
  return {
    name: v.name,
    gender: v.gender ?? null,
    idCard: v.idCard?.trim() ? v.idCard.trim().toUpperCase() : blank,
    phone: v.phone?.trim() ? v.phone.trim() : blank,
    unitId: v.unitId ?? null,
    regionCode: v.regionCode,
    position: v.position?.trim() ? v.position.trim() : null,
  };
}

function toFormValues(p: PersonView): Partial<PersonFormValues> {
  return { name: p.name, gender: p.gender, unitId: p.unitId, regionCode: p.regionCode, position: p.position };
}

export function PeoplePage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const params = useListParams(['unitId', 'regionCode'] as const);
  const list = peopleResource.useList(params.query);
  const create = peopleResource.useCreate();
  const update = peopleResource.useUpdate();
  const [editing, setEditing] = useState<PersonView | 'new' | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const genderLabel = useEnumLabel('gender');
  const canManage = can('person.manage');
  const canReveal = can('person.reveal_pii');
  const current = editing !== 'new' ? editing : null;

  const submit = (v: PersonFormValues) =>
    current
      ? update.mutateAsync({ id: current.id, version: current.version, body: toPersonBody(v, true) })
      : create.mutateAsync(toPersonBody(v, false));
  const reload = async () => {
    const fresh = await peopleResource.fetchOne(current!.id);
    setEditing(fresh);
    return toFormValues(fresh);
  };

  return (
    <Card title={t('person.title')}>
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        filters={
          <>
            <UnitSelect
              aria-label={t('person.filterUnit')}
              placeholder={t('person.unit')}
              allowClear
              value={params.filters.unitId}
              onChange={(v) => params.setFilter('unitId', v)}
              style={{ width: 220 }}
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
            <Button icon={<DownloadOutlined />} href={apiUrl('people/export.xlsx', params.filterQuery)}>
              {t('common.export')}
            </Button>
          </>
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<PersonView>
        tableId="people"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        scroll={{ x: 1200 }}
        columns={[
          {
            title: t('person.name'),
            dataIndex: 'name',
            fixed: 'left',
            render: (v: string, p) => (
              <Space size={4}>
                {v}
                {p.hasAccount && <Tag color="blue">{t('person.hasAccount')}</Tag>}
              </Space>
            ),
          },
          { title: t('person.gender'), dataIndex: 'gender', width: 70, render: genderLabel },
          {
            title: t('person.idCard'),
            dataIndex: 'idCardMasked',
            width: 190,
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
          },
          {
            title: t('person.phone'),
            dataIndex: 'phoneMasked',
            width: 130,
            onCell: () => ({ style: { whiteSpace: 'nowrap' } }),
          },
          { title: t('person.unit'), dataIndex: 'unitName' },
          { title: t('person.region'), dataIndex: 'regionName', render: (v, p) => v ?? p.regionCode },
          { title: t('person.position'), dataIndex: 'position' },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 180,
            render: (_, p) => (
              <Space size={0}>
                {canManage && (
                  <Button size="small" type="link" onClick={() => setEditing(p)}>
                    {t('common.edit')}
                  </Button>
                )}
                {canReveal && (p.idCardMasked || p.phoneMasked) && <RevealPiiButton person={p} />}
              </Space>
            ),
          },
        ]}
      />
      <EntityFormDrawer<PersonFormValues>
        open={editing !== null}
        name="person"
        title={current ? t('person.edit') : t('person.create')}
        initialValues={current ? toFormValues(current) : {}}
        onClose={() => setEditing(null)}
        onSubmit={submit}
        onReload={current ? reload : undefined}
      >
        <PersonFormFields person={current} />
      </EntityFormDrawer>
      <ImportDialog kind="people" open={importOpen} onClose={() => setImportOpen(false)} />
    </Card>
  );
}
