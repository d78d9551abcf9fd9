import {
  pageQuery,
  regionCode,
  regionCreateBody,
  regionLookupQuery,
  regionMergeBody,
  regionRenameBody,
  regionRetireBody,
  regionTreeQuery,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as regions from './region.service';

const codeParams = z.object({ code: regionCode });
const tags = ['regions 区划'];

export function regionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/regions/tree',
      { schema: { tags, summary: '区划树（本级及以下）', querystring: regionTreeQuery } },
      async (req, reply) => {
        const { root, depth } = req.query;
        const json = await regions.getRegionTreeJson(
          ctx.database,
          actorOf(req),
          root,
          depth,
          req.session?.regionVersion,
        );
        // Already JSON bytes: Fastify sends a Buffer as it is.
        return reply.type('application/json; charset=utf-8').send(json);
      },
    );
    app.get(
      '/regions',
      {
        schema: {
          tags,
          summary: '搜索区划',
          querystring: pageQuery.extend({
            q: z.string().max(100).optional(),
            includeRetired: z.coerce.boolean().optional(),
          }),
        },
      },
      (req) => regions.listRegions(ctx.db, actorOf(req), req.query),
    );
    app.get(
      '/regions/lookup',
      {
        schema: {
          tags,
          summary: '按名称、拼音首字母或代码查找区划（任何登录账号；注册志愿者时选择所在社区）',
          querystring: regionLookupQuery,
        },
      },
      (req) => regions.lookupRegions(ctx.db, actorOf(req), req.query),
    );
    app.get('/regions/:code', { schema: { tags, summary: '区划详情与沿革', params: codeParams } }, async (req) => {
      const actor = actorOf(req);
      const r = await regions.getRegion(ctx.db, actor, req.params.code);
      const history = await regions.getRegionHistory(ctx.db, actor, req.params.code);
      return {
        code: r.code,
        name: r.name,
        level: r.level,
        status: r.status,
        parentCode: r.parent_code,
        path: r.path,
        history,
      };
    });
    app.post('/regions', { schema: { tags, summary: '新增区划', body: regionCreateBody } }, async (req, reply) => {
      reply.status(201);
      return regions.createRegion(ctx.db, actorOf(req), req.body);
    });
    app.post(
      '/regions/:code/rename',
      { schema: { tags, summary: '更名', params: codeParams, body: regionRenameBody } },
      (req) => regions.renameRegion(ctx.db, actorOf(req), req.params.code, req.body.name, req.body.reason),
    );
    app.post(
      '/regions/:code/merge',
      { schema: { tags, summary: '合并', params: codeParams, body: regionMergeBody } },
      (req) => regions.mergeRegion(ctx.db, actorOf(req), req.params.code, req.body.intoCode, req.body.reason),
    );
    app.post(
      '/regions/:code/retire',
      { schema: { tags, summary: '撤销', params: codeParams, body: regionRetireBody } },
      (req) => regions.retireRegion(ctx.db, actorOf(req), req.params.code, req.body.reason),
    );
  };
}
