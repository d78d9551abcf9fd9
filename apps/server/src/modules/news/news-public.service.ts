// The public face of news (no sign-in): the list and detail of published articles, their covers, and feeds for
// the office's website: RSS 2.0 and JSON Feed 1.1. The tenant is named by ?tenant= (the default tenant otherwise).
import type { Page, PublicNewsQuery, PublicNewsView } from '@wenming/contracts';
import type { Db } from '../../platform/db';
import { fail, invalidFields } from '../../platform/errors';
import type { FileStore } from '../../platform/files';
import { plainText } from './news-sanitize';
import { type PublicArticleRow, findFileType, findPublished, findTenantByCode, listPublished } from './news.repository';
import { toPublicView } from './news-view';

export const FEED_SIZE = 30;

/** The tenant a public request names, or 400 naming the `tenant` field. */
async function publicTenant(db: Db, code: string | undefined, fallback: string) {
  const found = await findTenantByCode(db, code || fallback);
  if (!found) throw invalidFields([{ field: 'tenant', key: 'invalid_value' }]);
  return found;
}

/** Published articles, newest first. */
export async function listPublicNews(db: Db, q: PublicNewsQuery, fallback: string): Promise<Page<PublicNewsView>> {
  const tenant = await publicTenant(db, q.tenant, fallback);
  const found = await listPublished(db, tenant.id, q);
  return {
    items: found.items.map((r) => toPublicView(r, false)),
    total: found.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One published article with its body, or 404. */
export async function getPublicNews(db: Db, id: string, code: string | undefined, fallback: string) {
  const tenant = await publicTenant(db, code, fallback);
  const row = await findPublished(db, tenant.id, id);
  if (!row) throw fail('NEWS_ARTICLE_NOT_FOUND');
  return toPublicView(row, true);
}

/** The cover image of a published article: its bytes and type, or 404. */
export async function publicCover(db: Db, files: FileStore, id: string, code: string | undefined, fallback: string) {
  const tenant = await publicTenant(db, code, fallback);
  const row = await findPublished(db, tenant.id, id);
  const file = row?.coverFileId ? await findFileType(db, tenant.id, row.coverFileId) : null;
  if (!file) throw fail('NEWS_ARTICLE_NOT_FOUND');
  return { contentType: file.contentType, bytes: files.read(file.sha256) };
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const link = (base: string, id: string) => `${base}/public/news/${id}`;

async function feedItems(db: Db, code: string | undefined, fallback: string) {
  const tenant = await publicTenant(db, code, fallback);
  const found = await listPublished(db, tenant.id, { page: 1, pageSize: FEED_SIZE });
  return { tenant, items: found.items };
}

/** RSS 2.0 of the latest published articles; `base` is the site's address as the request reached it. */
export async function rssFeed(db: Db, base: string, code: string | undefined, fallback: string): Promise<string> {
  const { tenant, items } = await feedItems(db, code, fallback);
  const item = (r: PublicArticleRow) => `    <item>
      <title>${xml(r.title)}</title>
      <link>${xml(link(base, r.id))}</link>
      <guid isPermaLink="false">${r.id}</guid>
      <pubDate>${new Date(r.publishedAt).toUTCString()}</pubDate>
      <description>${xml(r.summary ?? plainText(r.body).slice(0, 200))}</description>
${(r.tags ?? []).map((t) => `      <category>${xml(t)}</category>\n`).join('')}    </item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${xml(`${tenant.name} · 工作动态`)}</title>
    <link>${xml(`${base}/public/news`)}</link>
    <description>${xml(`${tenant.name}文明创建工作动态与典型案例`)}</description>
    <language>zh-cn</language>
${items.map(item).join('\n')}
  </channel>
</rss>
`;
}

/** JSON Feed 1.1 of the latest published articles. */
export async function jsonFeed(db: Db, base: string, code: string | undefined, fallback: string) {
  const { tenant, items } = await feedItems(db, code, fallback);
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `${tenant.name} · 工作动态`,
    home_page_url: `${base}/public/news`,
    feed_url: `${base}/api/v1/public/news/feed.json`,
    language: 'zh-CN',
    items: items.map((r) => ({
      id: r.id,
      url: link(base, r.id),
      title: r.title,
      content_html: r.body,
      summary: r.summary ?? undefined,
      image: r.coverFileId ? `${base}/api/v1/public/news/${r.id}/cover` : undefined,
      date_published: new Date(r.publishedAt).toISOString(),
      tags: r.tags ?? [],
    })),
  };
}
