// 好人榜 / 光荣榜: the people each campaign named, open to everyone (no sign-in, no phones or ids).
import { type HonourRollEntry, selectionKinds } from '@wenming/contracts';
import { Card, Empty, Layout, List, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useEnumOptions } from '../../../components/enum-options';
import { useHonourRoll } from '../../selections/queries';

function CampaignCard({ e }: { e: HonourRollEntry }) {
  const { t } = useTranslation();
  return (
    <Card
      title={
        <Space direction="vertical" size={0} style={{ whiteSpace: 'normal' }}>
          <Typography.Text strong>{e.campaignName}</Typography.Text>
          <Typography.Text type="secondary">
            {t(`selectionKind.${e.kind}`)} · {t('honour.namedOn')} {formatDateTime(e.namedAt).slice(0, 10)}
          </Typography.Text>
        </Space>
      }
    >
      <List
        grid={{ gutter: 16, column: 2 }}
        dataSource={e.people}
        renderItem={(p) => (
          <List.Item>
            <Card size="small" title={p.name} extra={<Tag color="red">{t(`selectionCategory.${p.category}`)}</Tag>}>
              <Typography.Paragraph style={{ margin: 0 }}>{p.story}</Typography.Paragraph>
            </Card>
          </List.Item>
        )}
      />
    </Card>
  );
}

export function HonourRollPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const kind = search.get('kind') ?? undefined;
  const roll = useHonourRoll({ tenant: search.get('tenant') ?? undefined, kind, page: 1, pageSize: 20 });
  const kindOptions = useEnumOptions('selectionKind', selectionKinds);
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Header style={{ background: '#c8161d', display: 'flex', alignItems: 'center' }}>
        <Typography.Title level={3} style={{ color: '#fff', margin: 0 }}>
          {t('honour.title')}
        </Typography.Title>
      </Layout.Header>
      <Layout.Content style={{ maxWidth: 960, width: '100%', margin: '24px auto', padding: '0 16px' }}>
        <Space style={{ marginBottom: 16 }}>
          <Typography.Text type="secondary">{t('honour.intro')}</Typography.Text>
          <Select
            aria-label={t('sel.kind')}
            placeholder={t('sel.kind')}
            allowClear
            value={kind}
            options={kindOptions}
            style={{ width: 170 }}
            onChange={(v) =>
              setSearch((prev) => {
                const next = new URLSearchParams(prev);
                if (v) next.set('kind', v);
                else next.delete('kind');
                return next;
              })
            }
          />
        </Space>
        <ApiErrorAlert error={roll.error} onRetry={() => void roll.refetch()} />
        {roll.data && roll.data.items.length === 0 ? (
          <Empty description={t('honour.empty')} />
        ) : (
          <List
            loading={roll.isFetching}
            dataSource={roll.data?.items ?? []}
            renderItem={(e) => (
              <List.Item style={{ display: 'block' }}>
                <CampaignCard e={e} />
              </List.Item>
            )}
          />
        )}
      </Layout.Content>
    </Layout>
  );
}
