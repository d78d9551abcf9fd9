import { gridBody, gridListQuery, idParam } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as grids from './grid.service';

const tags = ['grids 网格'];

export function gridRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/grids',
      { schema: { tags, summary: '网格列表（名称、拼音首字母、繁简、网格编码检索）', querystring: gridListQuery } },
      (req) => grids.listGrids(ctx.db, actorOf(req), req.query),
    );
    app.get('/grids/:id', { schema: { tags, summary: '网格详情（含边界 GeoJSON）', params: idParam } }, (req) =>
      grids.getGrid(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/grids',
      {
        schema: {
          tags,
          summary: '新建网格（编码租户内唯一）',
          body: gridBody.extend({ id: z.string().uuid().optional() }),
        },
      },
      async (req, reply) => {
        reply.status(201);
        return grids.createGrid(ctx.db, actorOf(req), req.body);
      },
    );
    app.put(
      '/grids/:id',
      {
        schema: {
          tags,
          summary: '修改网格（带版本号）',
          params: idParam,
          body: gridBody.extend({ version: z.number().int() }),
        },
      },
      (req) => grids.updateGrid(ctx.db, actorOf(req), req.params.id, req.body),
    );
  };
}
