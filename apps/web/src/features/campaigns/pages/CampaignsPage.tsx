import { PlusOutlined } from '@ant-design/icons';
import { type CampaignKind, type CampaignView, campaignKinds } from '@wenming/contracts';
import { Button, Card, Select, Space, Tag } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAccess } from '../../../app/access';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { CampaignFormDrawer } from '../components/CampaignFormDrawer';
import { campaignsResource } from '../queries';

/** 创建任务: campaigns (cycles, yearly plans, special actions) with their action lines and task counts. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const navigate = useNavigate();
  const params = useListParams(['kind'] as const);
  const list = campaignsResource.useList(params.query);
  const kindOptions = useEnumOptions('campaignKind', campaignKinds);
  const [creating, setCreating] = useState(false);

  return (
    <Card title={t('campaign.title')}>
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        placeholder={t('campaign.searchPlaceholder')}
        filters={
          <Select
            aria-label={t('campaign.filterKind')}
            placeholder={t('campaign.kind')}
            allowClear
            value={params.filters.kind}
            onChange={(v) => params.setFilter('kind', v)}
            options={kindOptions}
            style={{ width: 140 }}
          />
        }
        actions={
          can('campaign.manage') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('common.create')}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<CampaignView>
        tableId="campaigns"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        scroll={{ x: 1000 }}
        columns={[
          {
            title: t('campaign.name'),
            dataIndex: 'name',
            fixed: 'left',
            render: (name: string, c) => <Link to={`/campaigns/${c.id}`}>{name}</Link>,
          },
          {
            title: t('campaign.kind'),
            dataIndex: 'kind',
            width: 110,
            render: (k: CampaignKind) => <Tag>{t(`campaignKind.${k}`)}</Tag>,
          },
          {
            title: t('campaign.period'),
            key: 'period',
            width: 210,
            render: (_, c) => `${c.startDate} ～ ${c.endDate}`,
          },
          {
            title: t('campaign.actions'),
            dataIndex: 'actions',
            render: (actions: CampaignView['actions']) => (
              <Space size={[0, 4]} wrap>
                {actions.map((a) => (
                  <Tag key={a.id}>{a.name}</Tag>
                ))}
              </Space>
            ),
          },
          { title: t('campaign.taskCount'), dataIndex: 'taskCount', width: 80 },
          {
            title: t('common.actions'),
            key: 'open',
            width: 80,
            render: (_, c) => <Link to={`/campaigns/${c.id}`}>{t('campaign.open')}</Link>,
          },
        ]}
      />
      <CampaignFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => navigate(`/campaigns/${c.id}`)}
      />
    </Card>
  );
}
