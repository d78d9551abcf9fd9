// Writing and reviewing articles (工作动态、典型案例): a writer drafts, submits for review; a reviewer publishes or
// returns it with a note; a published article may be withdrawn to a draft. Bodies are sanitised on every write.
import {
  type NewsActionBody,
  type NewsBody,
  type NewsListQuery,
  type NewsUpdateBody,
  type NewsView,
  type Page,
  newsActionPermissions,
  newsEditableStatuses,
  nextNewsStatus,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fail, forbidden, invalidFields } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf } from '../../platform/paging';
import { plainText, sanitizeBody } from './news-sanitize';
import {
  type ArticleFields,
  findArticle,
  findFileType,
  insertArticle,
  listArticles,
  regionAllowed,
  setArticleStatus,
  updateArticle,
} from './news.repository';
import { articleReadable, articleReviewable, regionWritable } from './news.policy';
import { toNewsView } from './news-view';

/** The body's fields checked and cleaned: a known region in scope, an image cover, a sanitised non-empty body. */
async function fieldsOf(db: Db, actor: Actor, b: NewsBody): Promise<ArticleFields> {
  if (!(await regionAllowed(db, actor.tenantId, b.regionCode, regionWritable(actor))))
    throw invalidFields([{ field: 'regionCode', key: 'invalid_value' }]);
  if (b.coverFileId) {
    const f = await findFileType(db, actor.tenantId, b.coverFileId);
    if (!f) throw invalidFields([{ field: 'coverFileId', key: 'invalid_value' }]);
    if (!f.contentType.startsWith('image/')) throw fail('NEWS_COVER_NOT_IMAGE');
  }
  const bodyHtml = sanitizeBody(b.body);
  if (!plainText(bodyHtml) && !bodyHtml.includes('<img')) throw fail('NEWS_BODY_EMPTY');
  return {
    kind: b.kind,
    title: b.title,
    summary: b.summary?.trim() || plainText(bodyHtml).slice(0, 120) || null,
    bodyHtml,
    coverFileId: b.coverFileId ?? null,
    regionCode: b.regionCode,
    tags: [...new Set(b.tags ?? [])],
  };
}

/** An article the actor may see, or 404. */
export async function getArticle(db: Db, actor: Actor, id: string): Promise<NewsView> {
  if (!can(actor, 'news.write') && !can(actor, 'news.review')) throw forbidden();
  const row = await findArticle(db, actor.tenantId, id, articleReadable(actor), articleReviewable(actor));
  if (!row) throw fail('NEWS_ARTICLE_NOT_FOUND');
  return toNewsView(row, actor);
}

/** Articles the actor may see, newest first. */
export async function listArticlePage(db: Db, actor: Actor, q: NewsListQuery): Promise<Page<NewsView>> {
  if (!can(actor, 'news.write') && !can(actor, 'news.review')) throw forbidden();
  const where = allOf(
    articleReadable(actor),
    q.status ? sql`a.status = ${q.status}` : null,
    q.kind ? sql`a.kind = ${q.kind}` : null,
    q.q ? sql`a.title ILIKE ${`%${q.q}%`}` : null,
  );
  const found = await listArticles(db, actor.tenantId, where, articleReviewable(actor), q);
  return {
    items: found.items.map((r) => toNewsView(r, actor)),
    total: found.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Draft a new article. */
export async function createArticle(db: Db, actor: Actor, body: NewsBody): Promise<NewsView> {
  requirePermission(actor, 'news.write');
  const fields = await fieldsOf(db, actor, body);
  const id = newId();
  await db.transaction(async (tx) => {
    await insertArticle(tx, { ...fields, tenantId: actor.tenantId, id, authorId: actor.accountId, now: actor.now });
    await writeAudit(tx, actor, {
      action: 'news_article.create',
      objectType: 'news_article',
      objectId: id,
      after: { title: fields.title, kind: fields.kind, regionCode: fields.regionCode },
    });
  });
  return getArticle(db, actor, id);
}

/** Change a draft or returned article (its author, or a reviewer in scope), at its version. */
export async function changeArticle(db: Db, actor: Actor, id: string, body: NewsUpdateBody): Promise<NewsView> {
  requirePermission(actor, 'news.write');
  const before = await getArticle(db, actor, id);
  if (!before.canEdit) throw newsEditableStatuses.includes(before.status) ? forbidden() : fail('NEWS_NOT_EDITABLE');
  const fields = await fieldsOf(db, actor, body);
  await db.transaction(async (tx) => {
    if (!(await updateArticle(tx, actor.tenantId, id, body.version, fields, actor.now)))
      throw fail('NEWS_STALE_VERSION');
    await writeAudit(tx, actor, {
      action: 'news_article.update',
      objectType: 'news_article',
      objectId: id,
      before: { title: before.title, version: before.version },
      after: { title: fields.title },
    });
  });
  return getArticle(db, actor, id);
}

/** Take a lifecycle action: submit (the author), publish, return or withdraw (a reviewer in scope). */
export async function actOnArticle(db: Db, actor: Actor, id: string, body: NewsActionBody): Promise<NewsView> {
  requirePermission(actor, newsActionPermissions[body.action]);
  await db.transaction(async (tx) => {
    const row = await findArticle(tx, actor.tenantId, id, articleReadable(actor), articleReviewable(actor), true);
    if (!row) throw fail('NEWS_ARTICLE_NOT_FOUND');
    const own = !!actor.accountId && row.authorId === actor.accountId;
    if (body.action === 'submit' ? !own && !row.canReview : !row.canReview) throw forbidden();
    if (Number(row.version) !== body.version) throw fail('NEWS_STALE_VERSION');
    const to = nextNewsStatus(row.status, body.action);
    if (!to) throw fail('NEWS_TRANSITION_NOT_ALLOWED', { status: row.status, action: body.action });
    const reviewing = body.action !== 'submit';
    await setArticleStatus(tx, actor.tenantId, id, {
      status: to,
      reviewerId: reviewing ? actor.accountId : null,
      note: reviewing ? (body.note ?? null) : null,
      publishedAt: to === 'published' ? actor.now : null,
      now: actor.now,
    });
    await writeAudit(tx, actor, {
      action: `news_article.${body.action}`,
      objectType: 'news_article',
      objectId: id,
      before: { status: row.status },
      after: { status: to, note: body.note ?? null },
    });
  });
  return getArticle(db, actor, id);
}
