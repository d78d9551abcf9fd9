import { idParam, siteBody, siteListQuery } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as sites from './site.service';

const tags = ['sites 新时代文明实践阵地'];

export function siteRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/sites',
      { schema: { tags, summary: '实践中心/所/站、基地、岗位列表', querystring: siteListQuery } },
      (req) => sites.listSites(ctx.db, actorOf(req), req.query),
    );
    app.get('/sites/:id', { schema: { tags, summary: '阵地详情（含“五有”达标情况）', params: idParam } }, (req) =>
      sites.getSite(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/sites',
      {
        schema: {
          tags,
          summary: '新建阵地（可带客户端 id，重发只存一次）',
          body: siteBody.extend({ id: z.string().uuid().optional() }),
        },
      },
      async (req, reply) => {
        reply.status(201);
        return sites.createSite(ctx.db, actorOf(req), req.body);
      },
    );
    app.put(
      '/sites/:id',
      {
        schema: {
          tags,
          summary: '修改阵地（带版本号）',
          params: idParam,
          body: siteBody.extend({ version: z.number().int() }),
        },
      },
      (req) => sites.updateSite(ctx.db, actorOf(req), req.params.id, req.body),
    );
  };
}
