// 考评通报: published bulletins newest first, with their documents, corrections and the publish action.
import { DesktopOutlined, GlobalOutlined, SendOutlined } from '@ant-design/icons';
import type { BulletinView } from '@wenming/contracts';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { DataTable } from '../../../components/DataTable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { bulletinFileUrl, useBulletins } from '../queries';
import { PublishBulletinModal } from './PublishBulletinModal';

export function BulletinsPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const params = useListParams();
  const list = useBulletins(params.query);
  const [publishing, setPublishing] = useState<{ replaces: BulletinView | null } | null>(null);
  const mayPublish = can('evaluation.publish');

  return (
    <Card title={t('bulletin.title')}>
      <ListToolbar
        filters={
          <Space>
            <Link to="/bigscreen">
              <Button icon={<DesktopOutlined />}>{t('menu.bigscreen')}</Button>
            </Link>
            <a href="/public/bulletins" target="_blank" rel="noreferrer">
              <Button icon={<GlobalOutlined />}>{t('bulletin.publicLink')}</Button>
            </a>
          </Space>
        }
        actions={
          mayPublish && (
            <Button type="primary" icon={<SendOutlined />} onClick={() => setPublishing({ replaces: null })}>
              {t('bulletin.publish')}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<BulletinView>
        tableId="bulletins"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (n) => t('bulletin.count', { total: n }))}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('bulletin.docNumber'), dataIndex: 'docNumber', width: 200 },
          {
            title: t('bulletin.name'),
            dataIndex: 'title',
            render: (v: string, b) => (
              <Space direction="vertical" size={0}>
                <Typography.Text>{v}</Typography.Text>
                {b.replaces && (
                  <Typography.Text type="secondary">
                    {t('bulletin.replaces', { doc: b.replaces.docNumber })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('bulletin.period'), dataIndex: 'periodLabel', width: 120 },
          {
            title: t('bulletin.status'),
            dataIndex: 'status',
            width: 170,
            render: (s: BulletinView['status'], b) =>
              s === 'superseded' ? (
                <Tag color="default">{t('bulletin.supersededBy', { doc: b.supersededBy?.docNumber })}</Tag>
              ) : (
                <Tag color="red">{t('bulletin.status.published')}</Tag>
              ),
          },
          {
            title: t('bulletin.publishedAt'),
            dataIndex: 'publishedAt',
            width: 170,
            render: (v: string) => formatDateTime(v),
          },
          { title: t('bulletin.publisher'), dataIndex: 'publishedByName', width: 120 },
          {
            title: t('bulletin.files'),
            key: 'files',
            width: 250,
            render: (_, b) => (
              <Space>
                {(['docx', 'pdf', 'xlsx'] as const).map((f) => (
                  <a key={f} href={bulletinFileUrl(b.id, f)} download aria-label={`${b.docNumber} ${f}`}>
                    {f === 'docx' ? 'Word' : f === 'pdf' ? 'PDF' : 'Excel'}
                  </a>
                ))}
                {mayPublish && b.status === 'published' && (
                  <Button size="small" onClick={() => setPublishing({ replaces: b })}>
                    {t('bulletin.correct')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <PublishBulletinModal open={!!publishing} replaces={publishing?.replaces} onClose={() => setPublishing(null)} />
    </Card>
  );
}
