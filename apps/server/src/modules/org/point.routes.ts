import { idParam, pointBody, pointListQuery } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as points from './point.service';

const tags = ['points 点位'];

export function pointRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/points',
      { schema: { tags, summary: '点位列表（按区划、类型、网格筛选）', querystring: pointListQuery } },
      (req) => points.listPoints(ctx.db, actorOf(req), req.query),
    );
    app.get('/points/:id', { schema: { tags, summary: '点位详情', params: idParam } }, (req) =>
      points.getPoint(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/points',
      {
        schema: {
          tags,
          summary: '新建点位（可带客户端 id，重发只存一次）',
          body: pointBody.extend({ id: z.string().uuid().optional() }),
        },
      },
      async (req, reply) => {
        reply.status(201);
        return points.createPoint(ctx.db, actorOf(req), req.body);
      },
    );
    app.put(
      '/points/:id',
      {
        schema: {
          tags,
          summary: '修改点位（带版本号）',
          params: idParam,
          body: pointBody.extend({ version: z.number().int() }),
        },
      },
      (req) => points.updatePoint(ctx.db, actorOf(req), req.params.id, req.body),
    );
  };
}
