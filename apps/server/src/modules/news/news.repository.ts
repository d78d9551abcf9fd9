// Queries of news articles; no rules here.
import type { NewsKind, NewsStatus } from '@wenming/contracts';
import { type SQL, and, eq, sql } from 'drizzle-orm';
import { newsArticle } from '../../db/schema';
import type { Db } from '../../platform/db';
import { allOf } from '../../platform/paging';
import { maybeOne, rows, sqlTime } from '../../platform/sql';

export interface ArticleRow {
  id: string;
  kind: NewsKind;
  title: string;
  summary: string | null;
  body: string;
  coverFileId: string | null;
  regionCode: string;
  regionName: string | null;
  tags: string[];
  status: NewsStatus;
  authorId: string | null;
  authorName: string | null;
  reviewNote: string | null;
  publishedAt: Date | string | null;
  updatedAt: Date | string;
  version: number;
  canReview: boolean;
}

export interface ArticleFields {
  kind: NewsKind;
  title: string;
  summary: string | null;
  bodyHtml: string;
  coverFileId: string | null;
  regionCode: string;
  tags: string[];
}

const columns = (review: SQL) => sql`a.id, a.kind, a.title, a.summary, a.body_html AS body,
  a.cover_file_id AS "coverFileId", a.region_code AS "regionCode", r.name AS "regionName", a.tags, a.status,
  a.author_id AS "authorId", ac.display_name AS "authorName", a.review_note AS "reviewNote",
  a.published_at AS "publishedAt", a.updated_at AS "updatedAt", a.version, (${review}) AS "canReview"`;
const from = sql`news_article a
  LEFT JOIN region r ON r.tenant_id = a.tenant_id AND r.code = a.region_code
  LEFT JOIN account ac ON ac.tenant_id = a.tenant_id AND ac.id = a.author_id`;

/** One article matching `where`, locked when `lock`, or null. */
export async function findArticle(db: Db, tenantId: string, id: string, where: SQL, review: SQL, lock = false) {
  return maybeOne<ArticleRow>(
    db,
    sql`SELECT ${columns(review)} FROM ${from} WHERE a.tenant_id = ${tenantId} AND a.id = ${id} AND ${where}
      ${lock ? sql`FOR UPDATE OF a` : sql``}`,
  );
}

/** One page of articles matching `where`, newest first (published ones by publication). */
export async function listArticles(
  db: Db,
  tenantId: string,
  where: SQL,
  review: SQL,
  paging: { page: number; pageSize: number },
) {
  const all = allOf(sql`a.tenant_id = ${tenantId}`, where);
  const [items, total] = await Promise.all([
    rows<ArticleRow>(
      db,
      sql`SELECT ${columns(review)} FROM ${from} WHERE ${all}
        ORDER BY COALESCE(a.published_at, a.updated_at) DESC, a.id DESC
        LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`,
    ),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${from} WHERE ${all}`),
  ]);
  return { items, total: Number(total[0]?.n ?? 0) };
}

/** Whether a region of the tenant exists and matches `where` (a condition on `r`). */
export async function regionAllowed(db: Db, tenantId: string, code: string, where: SQL): Promise<boolean> {
  const r = await maybeOne<{ code: string }>(
    db,
    sql`SELECT r.code FROM region r WHERE r.tenant_id = ${tenantId} AND r.code = ${code} AND ${where}`,
  );
  return !!r;
}

/** The content type of a file of the tenant, or null. */
export async function findFileType(db: Db, tenantId: string, fileId: string) {
  return maybeOne<{ contentType: string; sha256: string }>(
    db,
    sql`SELECT o.content_type AS "contentType", f.sha256 FROM file f
      JOIN file_object o ON o.tenant_id = f.tenant_id AND o.sha256 = f.sha256
      WHERE f.tenant_id = ${tenantId} AND f.id = ${fileId}`,
  );
}

/** Insert an article as a draft. */
export async function insertArticle(
  db: Db,
  a: ArticleFields & { tenantId: string; id: string; authorId: string | null; now: Date },
): Promise<void> {
  const { now, ...fields } = a;
  await db.insert(newsArticle).values({ ...fields, status: 'draft', createdAt: now, updatedAt: now });
}

/** Change an article's fields at a version; false when stale. */
export async function updateArticle(
  db: Db,
  tenantId: string,
  id: string,
  version: number,
  f: ArticleFields,
  now: Date,
) {
  const done = await db
    .update(newsArticle)
    .set({ ...f, version: version + 1, updatedAt: now })
    .where(and(eq(newsArticle.tenantId, tenantId), eq(newsArticle.id, id), eq(newsArticle.version, version)))
    .returning({ id: newsArticle.id });
  return done.length > 0;
}

/** Move an article to a status (with the reviewer's note, and the publication time when published). */
export async function setArticleStatus(
  db: Db,
  tenantId: string,
  id: string,
  change: {
    status: NewsStatus;
    reviewerId?: string | null;
    note?: string | null;
    publishedAt?: Date | null;
    now: Date;
  },
): Promise<void> {
  await db.execute(sql`UPDATE news_article SET status = ${change.status}, version = version + 1,
      reviewer_id = COALESCE(${change.reviewerId ?? null}::uuid, reviewer_id),
      review_note = ${change.note ?? null},
      published_at = ${change.publishedAt ? sqlTime(change.publishedAt) : null},
      updated_at = ${sqlTime(change.now)}
    WHERE tenant_id = ${tenantId} AND id = ${id}`);
}

export interface PublicArticleRow {
  id: string;
  kind: NewsKind;
  title: string;
  summary: string | null;
  body: string;
  coverFileId: string | null;
  regionName: string | null;
  tags: string[];
  publishedAt: Date | string;
}

/** Published articles of a tenant, newest first. */
export async function listPublished(
  db: Db,
  tenantId: string,
  f: { kind?: string; tag?: string; page: number; pageSize: number },
) {
  const where = allOf(
    sql`a.tenant_id = ${tenantId} AND a.status = 'published'`,
    f.kind ? sql`a.kind = ${f.kind}` : null,
    f.tag ? sql`${f.tag} = ANY(a.tags)` : null,
  );
  const [items, total] = await Promise.all([
    rows<PublicArticleRow>(
      db,
      sql`SELECT a.id, a.kind, a.title, a.summary, a.body_html AS body, a.cover_file_id AS "coverFileId",
          r.name AS "regionName", a.tags, a.published_at AS "publishedAt"
        FROM ${from} WHERE ${where} ORDER BY a.published_at DESC, a.id DESC
        LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
    ),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`),
  ]);
  return { items, total: Number(total[0]?.n ?? 0) };
}

/** One published article, or null. */
export async function findPublished(db: Db, tenantId: string, id: string) {
  return maybeOne<PublicArticleRow>(
    db,
    sql`SELECT a.id, a.kind, a.title, a.summary, a.body_html AS body, a.cover_file_id AS "coverFileId",
        r.name AS "regionName", a.tags, a.published_at AS "publishedAt"
      FROM ${from} WHERE a.tenant_id = ${tenantId} AND a.id = ${id} AND a.status = 'published'`,
  );
}

/** The tenant of a public request by its code, or null. */
export async function findTenantByCode(db: Db, code: string) {
  return maybeOne<{ id: string; name: string }>(db, sql`SELECT id, name FROM tenant WHERE code = ${code}`);
}
