// 考评结果公示: published bulletins and their rankings, open to everyone (no sign-in, no personal data).
import type { PublicBulletinView } from '@wenming/contracts';
import { Card, Empty, Layout, List, Pagination, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { usePublicBulletins } from '../../bulletins/queries';

const PAGE_SIZE = 5;

function change(c: number | null) {
  if (c === null || c === 0) return '—';
  return c > 0 ? (
    <Typography.Text type="success">↑{c}</Typography.Text>
  ) : (
    <Typography.Text type="danger">↓{-c}</Typography.Text>
  );
}

function BulletinCard({ b }: { b: PublicBulletinView }) {
  const { t } = useTranslation();
  return (
    <Card
      title={
        <Space direction="vertical" size={0} style={{ whiteSpace: 'normal' }}>
          <Typography.Text strong>{b.title}</Typography.Text>
          <Typography.Text type="secondary">
            {b.docNumber} · {b.periodLabel} · {formatDateTime(b.publishedAt)}
          </Typography.Text>
        </Space>
      }
      extra={b.status === 'superseded' ? <Tag>{t('bulletin.status.superseded')}</Tag> : null}
    >
      <Typography.Paragraph>
        {t('bulletin.rates', {
          pass: b.rates.pass.percent,
          excellent: b.rates.excellent.percent,
          compliance: b.rates.compliance.percent,
          rectification: b.rates.rectification.percent,
        })}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey={(r) => `${r.rank}-${r.subjectName}`}
        pagination={false}
        dataSource={b.ranking}
        columns={[
          { title: t('bulletin.rank'), dataIndex: 'rank', width: 70 },
          { title: t('bulletin.subject'), dataIndex: 'subjectName' },
          { title: t('bulletin.score'), dataIndex: 'score', width: 100, render: (v: number) => v.toFixed(2) },
          { title: t('bulletin.change'), dataIndex: 'rankChange', width: 90, render: change },
        ]}
      />
    </Card>
  );
}

export function PublicBulletinsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const tenant = search.get('tenant') ?? undefined;
  const list = usePublicBulletins({ tenant, page, pageSize: PAGE_SIZE });
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header style={{ background: '#c8161d', display: 'flex', alignItems: 'center' }}>
        <Typography.Title level={3} style={{ color: '#fff', margin: 0 }}>
          {t('public.title')}
        </Typography.Title>
      </Layout.Header>
      <Layout.Content style={{ maxWidth: 960, width: '100%', margin: '24px auto', padding: '0 16px' }}>
        <Typography.Paragraph type="secondary">{t('public.intro')}</Typography.Paragraph>
        <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        {list.data && list.data.items.length === 0 ? (
          <Empty description={t('public.empty')} />
        ) : (
          <List
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            renderItem={(b) => (
              <List.Item style={{ display: 'block' }}>
                <BulletinCard b={b} />
              </List.Item>
            )}
          />
        )}
        <Pagination
          align="center"
          current={page}
          pageSize={PAGE_SIZE}
          total={list.data?.total ?? 0}
          showSizeChanger={false}
          onChange={(p) =>
            setSearch((prev) => {
              const next = new URLSearchParams(prev);
              next.set('page', String(p));
              return next;
            })
          }
        />
      </Layout.Content>
    </Layout>
  );
}
