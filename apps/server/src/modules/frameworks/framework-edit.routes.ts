import {
  indicatorCreateBody,
  indicatorMoveBody,
  indicatorUpdateBody,
  negativeItemCreateBody,
  negativeItemUpdateBody,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as indicators from './indicator.service';
import * as negatives from './negative-item.service';

const tags = ['frameworks 测评体系'];
const nodeParams = z.object({ id: z.string().uuid(), nodeId: z.string().uuid() });
const frameworkParams = z.object({ id: z.string().uuid() });

/** The indicator tree and negative list of a framework; edits only while it is a draft (else 409). */
export function frameworkEditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/frameworks/:id/indicators',
      { schema: { tags, summary: '指标树（children 嵌套，按位置排序）', params: frameworkParams } },
      (req) => indicators.getTree(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/frameworks/:id/indicators',
      { schema: { tags, summary: '新增指标', params: frameworkParams, body: indicatorCreateBody } },
      async (req, reply) => {
        reply.status(201);
        return indicators.addIndicator(ctx.db, actorOf(req), req.params.id, req.body);
      },
    );
    app.patch(
      '/frameworks/:id/indicators/:nodeId',
      { schema: { tags, summary: '修改指标', params: nodeParams, body: indicatorUpdateBody } },
      (req) => indicators.updateIndicator(ctx.db, actorOf(req), req.params.id, req.params.nodeId, req.body),
    );
    app.post(
      '/frameworks/:id/indicators/:nodeId/move',
      { schema: { tags, summary: '移动指标（调整顺序或上级）', params: nodeParams, body: indicatorMoveBody } },
      (req) => indicators.moveIndicator(ctx.db, actorOf(req), req.params.id, req.params.nodeId, req.body),
    );
    app.delete(
      '/frameworks/:id/indicators/:nodeId',
      { schema: { tags, summary: '删除指标及其下级', params: nodeParams } },
      async (req, reply) => {
        await indicators.deleteIndicator(ctx.db, actorOf(req), req.params.id, req.params.nodeId);
        return reply.status(204).send();
      },
    );
    app.get(
      '/frameworks/:id/negative-items',
      { schema: { tags, summary: '负面清单', params: frameworkParams } },
      (req) => negatives.listNegativeItems(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/frameworks/:id/negative-items',
      { schema: { tags, summary: '新增负面清单项', params: frameworkParams, body: negativeItemCreateBody } },
      async (req, reply) => {
        reply.status(201);
        return negatives.addNegativeItem(ctx.db, actorOf(req), req.params.id, req.body);
      },
    );
    app.patch(
      '/frameworks/:id/negative-items/:nodeId',
      { schema: { tags, summary: '修改负面清单项', params: nodeParams, body: negativeItemUpdateBody } },
      (req) => negatives.updateNegativeItem(ctx.db, actorOf(req), req.params.id, req.params.nodeId, req.body),
    );
    app.delete(
      '/frameworks/:id/negative-items/:nodeId',
      { schema: { tags, summary: '删除负面清单项', params: nodeParams } },
      async (req, reply) => {
        await negatives.deleteNegativeItem(ctx.db, actorOf(req), req.params.id, req.params.nodeId);
        return reply.status(204).send();
      },
    );
  };
}
