import { PlusOutlined } from '@ant-design/icons';
import { type ServiceItemView, serviceCategories, volunteerSkills } from '@wenming/contracts';
import { Button, Card, Empty, Form, Input, InputNumber, Select, Space, Switch, Tag } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { EntityFormDrawer } from '../../../components/EntityFormDrawer';
import { useEnumOptions } from '../../../components/enum-options';
import { SiteSelect } from '../../../components/selects';
import { useAllTeams } from '../../volunteers/queries';
import { useOwnSite } from '../../volunteers/use-site-defaults';
import { useSaveServiceItem, useServiceItems } from '../queries';

interface ItemValues {
  category: string;
  name: string;
  description?: string | null;
  requiredSkills?: string[];
  teamId?: string | null;
  typicalHours?: number;
  active?: boolean;
}

/** 服务菜单 of one site: items with category, description and who can deliver them; on or off the menu. */
export function ServiceMenuPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const ownSite = useOwnSite();
  const siteId = search.get('siteId') ?? ownSite?.id;
  const items = useServiceItems(siteId);
  const save = useSaveServiceItem();
  const teams = useAllTeams();
  const [editing, setEditing] = useState<ServiceItemView | 'new' | null>(null);
  const categoryOptions = useEnumOptions('svcCategory', serviceCategories);
  const skillOptions = useEnumOptions('volSkill', volunteerSkills);
  const current = editing !== 'new' ? editing : null;
  const required = [{ required: true, message: t('common.required') }];

  const submit = (v: ItemValues) => {
    const body = {
      ...v,
      description: v.description?.trim() ? v.description.trim() : null,
      teamId: v.teamId ?? null,
      requiredSkills: v.requiredSkills ?? [],
    };
    return save.mutateAsync(current ? { id: current.id, body: body as never } : { body: { ...body, siteId } as never });
  };

  return (
    <Card
      title={t('svc.title')}
      extra={
        <Space>
          <SiteSelect
            aria-label={t('svc.site')}
            placeholder={t('svc.pickSite')}
            value={siteId}
            valueLabel={siteId === ownSite?.id ? ownSite?.name : undefined}
            onChange={(v) => setSearch(v ? { siteId: v } : {}, { replace: true })}
            style={{ width: 260 }}
          />
          <Button type="primary" icon={<PlusOutlined />} disabled={!siteId} onClick={() => setEditing('new')}>
            {t('svc.create')}
          </Button>
        </Space>
      }
    >
      <ApiErrorAlert error={items.error ?? save.error} onRetry={() => void items.refetch()} />
      {!siteId ? (
        <Empty description={t('svc.pickSite')} />
      ) : (
        <DataTable<ServiceItemView>
          tableId="service-menu"
          rowKey="id"
          loading={items.isFetching}
          onRefresh={() => void items.refetch()}
          dataSource={items.data}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('svc.name'), dataIndex: 'name' },
            { title: t('svc.category'), dataIndex: 'category', width: 120, render: (c) => t(`svcCategory.${c}`) },
            { title: t('svc.description'), dataIndex: 'description', ellipsis: true },
            {
              title: t('svc.deliveredBy'),
              key: 'by',
              render: (_, i) => (
                <Space size={[0, 4]} wrap>
                  {i.team && <Tag color="purple">{i.team.name}</Tag>}
                  {i.requiredSkills.map((s) => (
                    <Tag key={s}>{t(`volSkill.${s}`, { defaultValue: s })}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t('svc.active'),
              dataIndex: 'active',
              width: 80,
              render: (v: boolean, i) => (
                <Switch
                  checked={v}
                  aria-label={`${t('svc.active')} ${i.name}`}
                  onChange={(active) => save.mutate({ id: i.id, body: { active } })}
                />
              ),
            },
            {
              title: t('common.actions'),
              key: 'a',
              width: 80,
              render: (_, i) => (
                <Button size="small" type="link" onClick={() => setEditing(i)}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <EntityFormDrawer<ItemValues>
        open={editing !== null}
        name="serviceItem"
        title={current ? t('svc.edit') : t('svc.create')}
        initialValues={
          current
            ? { ...current, teamId: current.team?.id ?? null }
            : { typicalHours: 1, active: true, requiredSkills: [] }
        }
        onClose={() => setEditing(null)}
        onSubmit={submit}
      >
        <Form.Item label={t('svc.name')} name="name" rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('svc.category')} name="category" rules={required}>
          <Select options={categoryOptions} />
        </Form.Item>
        <Form.Item label={t('svc.description')} name="description">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item label={t('svc.skills')} name="requiredSkills">
          <Select mode="multiple" allowClear options={skillOptions} />
        </Form.Item>
        <Form.Item label={t('svc.teams')} name="teamId">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
        </Form.Item>
        <Form.Item label={t('ord.hours')} name="typicalHours">
          <InputNumber min={0.5} max={24} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('svc.active')} name="active" valuePropName="checked">
          <Switch />
        </Form.Item>
      </EntityFormDrawer>
    </Card>
  );
}
