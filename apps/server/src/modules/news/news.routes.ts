// News routes: the desk under /api/v1/news (write, review, publish) and the public list, detail, cover and feeds.
import {
  idParam,
  newsActionBody,
  newsBody,
  newsListQuery,
  newsUpdateBody,
  publicNewsParam,
  publicNewsQuery,
  publicTenantQuery,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { getPublicNews, jsonFeed, listPublicNews, publicCover, rssFeed } from './news-public.service';
import { actOnArticle, changeArticle, createArticle, getArticle, listArticlePage } from './news.service';

const tags = ['news 工作动态'];
const open = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };
const baseOf = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

/** Writing, reviewing and publishing articles. */
export function newsDeskRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/news', { schema: { tags, summary: '稿件列表', querystring: newsListQuery } }, (req) =>
      listArticlePage(ctx.db, actorOf(req), req.query),
    );
    app.post('/news', { schema: { tags, summary: '新建稿件（正文服务端清洗）', body: newsBody } }, async (req, reply) =>
      reply.status(201).send(await createArticle(ctx.db, actorOf(req), req.body)),
    );
    app.get('/news/:id', { schema: { tags, summary: '稿件详情', params: idParam } }, (req) =>
      getArticle(ctx.db, actorOf(req), req.params.id),
    );
    app.put('/news/:id', { schema: { tags, summary: '修改稿件', params: idParam, body: newsUpdateBody } }, (req) =>
      changeArticle(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/news/:id/actions',
      { schema: { tags, summary: '提交审核、审核发布、退回、撤回', params: idParam, body: newsActionBody } },
      (req) => actOnArticle(ctx.db, actorOf(req), req.params.id, req.body),
    );
  };
}

/** The public list, detail, cover and feeds (no sign-in). */
export function publicNewsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const fallback = ctx.config.defaultTenant;
  return async (app) => {
    app.get(
      '/public/news',
      { schema: { tags, summary: '已发布的动态与案例（公开）', querystring: publicNewsQuery }, config: open },
      (req) => listPublicNews(ctx.db, req.query, fallback),
    );
    app.get(
      '/public/news/feed.rss',
      { schema: { tags, summary: 'RSS 2.0 订阅（公开）', querystring: publicTenantQuery }, config: open },
      async (req, reply) =>
        reply
          .type('application/rss+xml; charset=utf-8')
          .send(await rssFeed(ctx.db, baseOf(req), req.query.tenant, fallback)),
    );
    app.get(
      '/public/news/feed.json',
      { schema: { tags, summary: 'JSON Feed 订阅（公开）', querystring: publicTenantQuery }, config: open },
      async (req, reply) =>
        reply
          .type('application/feed+json; charset=utf-8')
          .send(await jsonFeed(ctx.db, baseOf(req), req.query.tenant, fallback)),
    );
    app.get(
      '/public/news/:id',
      {
        schema: { tags, summary: '动态详情（公开）', params: publicNewsParam, querystring: publicTenantQuery },
        config: open,
      },
      (req) => getPublicNews(ctx.db, req.params.id, req.query.tenant, fallback),
    );
    app.get(
      '/public/news/:id/cover',
      {
        schema: { tags, summary: '封面图（公开）', params: publicNewsParam, querystring: publicTenantQuery },
        config: open,
      },
      async (req, reply) => {
        const cover = await publicCover(ctx.db, ctx.files, req.params.id, req.query.tenant, fallback);
        return reply.type(cover.contentType).header('x-content-type-options', 'nosniff').send(cover.bytes);
      },
    );
  };
}
