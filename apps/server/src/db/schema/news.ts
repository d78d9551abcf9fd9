// Tables of news and typical cases (SPEC 4.11, 工作动态、典型案例): articles reviewed before they are published.
import { foreignKey, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { region } from './org';
import { account } from './platform';
import { createdAt, tenantId, tstz, updatedAt } from './types';

export const newsArticle = pgTable(
  'news_article',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    /** Sanitised HTML: only the allow-list survives the write. */
    bodyHtml: text('body_html').notNull(),
    coverFileId: uuid('cover_file_id'),
    regionCode: text('region_code').notNull(),
    tags: text('tags').array().notNull(),
    status: text('status').notNull(),
    authorId: uuid('author_id'),
    reviewerId: uuid('reviewer_id'),
    reviewNote: text('review_note'),
    publishedAt: tstz('published_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    foreignKey({ columns: [t.tenantId, t.authorId], foreignColumns: [account.tenantId, account.id] }),
    index('news_article_status_idx').on(t.tenantId, t.status, t.publishedAt),
  ],
);
