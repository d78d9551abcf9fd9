import { idParam, unitBody, unitListQuery } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as units from './unit.service';

const tags = ['units 单位'];

export function unitRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/units',
      { schema: { tags, summary: '单位列表（名称、拼音首字母、繁简、信用代码检索）', querystring: unitListQuery } },
      (req) => units.listUnits(ctx.db, ctx.cipher, actorOf(req), req.query),
    );
    app.get('/units/:id', { schema: { tags, summary: '单位详情', params: idParam } }, (req) =>
      units.getUnit(ctx.db, ctx.cipher, actorOf(req), req.params.id),
    );
    app.post(
      '/units',
      { schema: { tags, summary: '新建单位', body: unitBody.extend({ id: z.string().uuid().optional() }) } },
      async (req, reply) => {
        reply.status(201);
        return units.createUnit(ctx.db, ctx.cipher, actorOf(req), req.body);
      },
    );
    app.put(
      '/units/:id',
      {
        schema: {
          tags,
          summary: '修改单位（带版本号）',
          params: idParam,
          body: unitBody.extend({ version: z.number().int() }),
        },
      },
      (req) => units.updateUnit(ctx.db, ctx.cipher, actorOf(req), req.params.id, req.body),
    );
  };
}
