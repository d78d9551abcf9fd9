// 工作动态 · 典型案例 for everyone (no sign-in): the list of published articles and one article's page.
import { Card, Image, Layout, List, Pagination, Segmented, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../app/format';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ArticleBody } from '../components/ArticleBody';
import { usePublicArticle, usePublicNews } from '../queries';

const PAGE_SIZE = 10;

function Shell({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Content style={{ maxWidth: 860, margin: '0 auto', padding: 24, width: '100%' }}>
        <Typography.Title level={3}>{t('news.publicTitle')}</Typography.Title>
        {children}
        <Typography.Paragraph type="secondary" style={{ marginTop: 24 }}>
          {t('news.feeds')}：<a href="/api/v1/public/news/feed.rss">RSS</a> ·{' '}
          <a href="/api/v1/public/news/feed.json">JSON Feed</a>
        </Typography.Paragraph>
      </Layout.Content>
    </Layout>
  );
}

/** Published articles, newest first, by section. */
export function PublicNewsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const page = Number(search.get('page') ?? 1);
  const kind = search.get('kind') ?? '';
  const list = usePublicNews({ page, pageSize: PAGE_SIZE, kind: kind || undefined });
  return (
    <Shell>
      <Segmented
        value={kind}
        onChange={(v) => setSearch(v ? { kind: String(v) } : {})}
        options={[
          { value: '', label: t('news.all') },
          { value: 'news', label: t('newsKind.news') },
          { value: 'case', label: t('newsKind.case') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <ApiErrorAlert error={list.error} />
      <List
        loading={list.isFetching}
        dataSource={list.data?.items}
        renderItem={(a) => (
          <Card style={{ marginBottom: 12 }}>
            <Space align="start">
              {a.coverUrl && <Image src={a.coverUrl} width={120} preview={false} alt="" />}
              <div>
                <Link to={`/public/news/${a.id}`}>
                  <Typography.Title level={5}>{a.title}</Typography.Title>
                </Link>
                <Typography.Paragraph type="secondary">
                  {a.kindLabel} · {a.regionName} · {formatDateTime(a.publishedAt)}
                </Typography.Paragraph>
                <Typography.Paragraph>{a.summary}</Typography.Paragraph>
                {a.tags.map((tag) => (
                  <Tag key={tag}>{tag}</Tag>
                ))}
              </div>
            </Space>
          </Card>
        )}
      />
      <Pagination
        current={page}
        pageSize={PAGE_SIZE}
        total={list.data?.total ?? 0}
        onChange={(p) => setSearch({ ...(kind ? { kind } : {}), page: String(p) })}
      />
    </Shell>
  );
}

/** One published article. */
export function PublicArticlePage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const article = usePublicArticle(id);
  const a = article.data;
  return (
    <Shell>
      <Link to="/public/news">{t('news.back')}</Link>
      <ApiErrorAlert error={article.error} />
      {a && (
        <Card style={{ marginTop: 12 }}>
          <Typography.Title level={4}>{a.title}</Typography.Title>
          <Typography.Paragraph type="secondary">
            {a.kindLabel} · {a.regionName} · {formatDateTime(a.publishedAt)}
          </Typography.Paragraph>
          {a.coverUrl && <Image src={a.coverUrl} style={{ maxWidth: '100%' }} alt="" />}
          <ArticleBody html={a.body ?? ''} />
        </Card>
      )}
    </Shell>
  );
}
