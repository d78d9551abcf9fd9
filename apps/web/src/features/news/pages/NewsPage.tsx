import { PlusOutlined } from '@ant-design/icons';
import { type NewsAction, type NewsView, newsStatuses } from '@wenming/contracts';
import { App, Button, Card, Drawer, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../app/access';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { DataTable } from '../../../components/DataTable';
import { useEnumOptions } from '../../../components/enum-options';
import { ListToolbar } from '../../../components/ListToolbar';
import { useListParams } from '../../../components/use-list-params';
import { tablePagination } from '../../../components/use-paged-query';
import { useNewsAction, useNewsList } from '../queries';
import { ArticleBody } from '../components/ArticleBody';
import { NewsFormModal } from './NewsFormModal';

/** 工作动态: write, submit, review (publish or return) and withdraw articles; a preview of the cleaned body. */
export function NewsPage() {
  const { t } = useTranslation();
  const { can } = useAccess();
  const { message } = App.useApp();
  const params = useListParams(['status'] as const);
  const list = useNewsList(params.query);
  const act = useNewsAction();
  const [editing, setEditing] = useState<NewsView | 'new' | null>(null);
  const [preview, setPreview] = useState<NewsView | null>(null);
  const statusOptions = useEnumOptions('newsStatus', newsStatuses);
  const run = (a: NewsView, action: NewsAction) =>
    act.mutateAsync({ id: a.id, action, version: a.version }).then(
      () => message.success(t(`newsAction.${action}`)),
      (e: Error) => message.error(e.message),
    );
  return (
    <Card title={t('news.title')} extra={<a href="/public/news">{t('news.public')}</a>}>
      <ListToolbar
        q={params.q}
        onSearch={params.setQ}
        filters={
          <Select
            aria-label={t('news.status')}
            placeholder={t('news.status')}
            allowClear
            value={params.filters.status}
            onChange={(v) => params.setFilter('status', v)}
            options={statusOptions}
            style={{ width: 140 }}
          />
        }
        actions={
          can('news.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('news.create')}
            </Button>
          )
        }
      />
      <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      <DataTable<NewsView>
        tableId="news"
        rowKey="id"
        loading={list.isFetching}
        onRefresh={() => void list.refetch()}
        dataSource={list.data?.items}
        pagination={tablePagination(params, list.data?.total, (total) => t('common.total', { total }))}
        columns={[
          {
            title: t('news.headline'),
            dataIndex: 'title',
            render: (v, a) => (
              <Button type="link" size="small" onClick={() => setPreview(a)}>
                {v}
              </Button>
            ),
          },
          { title: t('news.kind'), dataIndex: 'kindLabel' },
          { title: t('news.status'), dataIndex: 'status', render: (s: string) => <Tag>{t(`newsStatus.${s}`)}</Tag> },
          { title: t('news.region'), dataIndex: 'regionName' },
          { title: t('news.author'), dataIndex: 'authorName' },
          {
            title: t('news.publishedAt'),
            dataIndex: 'publishedAt',
            render: (v: string | null) => (v ? formatDateTime(v) : ''),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, a) => (
              <Space wrap>
                {a.canEdit && (
                  <Button size="small" onClick={() => setEditing(a)}>
                    {t('common.edit')}
                  </Button>
                )}
                {a.actions.map((x) => (
                  <Button
                    key={x}
                    size="small"
                    type={x === 'publish' ? 'primary' : 'default'}
                    onClick={() => void run(a, x)}
                  >
                    {t(`newsAction.${x}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <NewsFormModal
        open={editing !== null}
        article={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
      <Drawer open={!!preview} width={640} title={preview?.title} onClose={() => setPreview(null)}>
        {preview?.reviewNote && (
          <Typography.Paragraph type="warning">
            {t('news.note')}：{preview.reviewNote}
          </Typography.Paragraph>
        )}
        <ArticleBody html={preview?.body ?? ''} />
      </Drawer>
    </Card>
  );
}
