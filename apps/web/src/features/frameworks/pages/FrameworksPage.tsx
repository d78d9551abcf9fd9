import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { type FrameworkStatus, type FrameworkView, frameworkStatuses } from '@wenming/contracts';
import { Button, Card, Select, Space } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiUrl } from '../../../api/client';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { FrameworkImportDialog } from '../components/FrameworkImportDialog';
import { FrameworkMetaDrawer } from '../components/FrameworkMetaDrawer';
import { FrameworkStatusTag } from '../components/FrameworkStatusTag';
import { frameworksResource } from '../queries';

/** 测评体系: every version of every framework, filtered by status and searched by name or code. */
export function FrameworksPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const params = useListParams(['status'] as const);
  const list = frameworksResource.useList(params.query);
  const statusOptions = useEnumOptions('frameworkStatus', frameworkStatuses);
  const [creating, setCreating] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const canManage = can('framework.manage');

  return (
    <Card title={t('framework.title')}>
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        filters={
          <Select
            aria-label={t('framework.filterStatus')}
            placeholder={t('framework.status')}
            allowClear
            value={params.filters.status}
            onChange={(v) => params.setFilter('status', v)}
            options={statusOptions}
            style={{ width: 140 }}
          />
        }
        actions={
          canManage && (
            <>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('common.create')}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
                {t('common.import')}
              </Button>
            </>
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<FrameworkView>
        tableId="frameworks"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        scroll={{ x: 1100 }}
        columns={[
          {
            title: t('framework.name'),
            dataIndex: 'name',
            fixed: 'left',
            render: (name: string, f) => <Link to={`/frameworks/${f.id}`}>{name}</Link>,
          },
          { title: t('framework.code'), dataIndex: 'code', width: 160 },
          {
            title: t('framework.version'),
            dataIndex: 'version',
            width: 90,
            render: (v: number) => t('framework.versionN', { version: v }),
          },
          {
            title: t('framework.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: FrameworkStatus) => <FrameworkStatusTag status={s} />,
          },
          { title: t('framework.totalPoints'), dataIndex: 'totalPoints', width: 80 },
          { title: t('framework.indicatorCount'), dataIndex: 'indicatorCount', width: 80 },
          { title: t('framework.leafCount'), dataIndex: 'leafCount', width: 100 },
          {
            title: t('framework.publishedAt'),
            dataIndex: 'publishedAt',
            width: 190,
            render: (v: string | null) => formatDateTime(v),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, f) => (
              <Space size={0}>
                <Link to={`/frameworks/${f.id}`}>{t('framework.open')}</Link>
                <Button
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  href={apiUrl(`frameworks/${f.id}/export.xlsx`)}
                >
                  {t('common.export')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <FrameworkMetaDrawer open={creating} onClose={() => setCreating(false)} />
      <FrameworkImportDialog open={importOpen} onClose={() => setImportOpen(false)} />
    </Card>
  );
}
