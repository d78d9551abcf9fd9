// Service order routes under /api/v1: the menu, orders and their transitions, candidates, response figures.
import {
  idParam,
  orderCreateBody,
  orderListQuery,
  orderStatsQuery,
  orderTransitionBody,
  serviceItemBody,
  serviceItemPatchBody,
  serviceMenuQuery,
  orderCandidatesQuery,
} from '@wenming/contracts';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { orderCandidates } from './order-candidates.service';
import { createOrder, getOrderPhoto } from './order-create.service';
import { orderResponseStats } from './order-stats.service';
import { transitionOrder } from './order-transition.service';
import { getOrder, listOrders } from './order-view';
import { addMenuItem, listMenu, updateMenuItem } from './service-menu.service';
import { sendFile } from '../../platform/http-files';

const tags = ['orders 群众点单'];

/** Orders: place, list, read, transitions, candidates, photos, response figures. */
export function orderRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/orders', { schema: { tags, summary: '订单列表', querystring: orderListQuery } }, (req) =>
      listOrders(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/orders',
      { schema: { tags, summary: '点单（群众或网格员代点；可带客户端 id）', body: orderCreateBody } },
      async (req, reply) => {
        const actor = actorOf(req);
        const { id } = await createOrder(ctx, actor, req.body);
        return reply.status(201).send(await getOrder(ctx.db, actor, id));
      },
    );
    app.get(
      '/orders/response-stats',
      { config: { readReplica: true }, schema: { tags, summary: '响应时效统计', querystring: orderStatsQuery } },
      (req) => orderResponseStats(req.db, actorOf(req), req.query),
    );
    app.get('/orders/:id', { schema: { tags, summary: '订单详情与流转记录', params: idParam } }, (req) =>
      getOrder(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/orders/:id/transitions',
      {
        schema: {
          tags,
          summary: '审单、驳回、派单、抢单发布、接单、完成、评价、取消',
          params: idParam,
          body: orderTransitionBody,
        },
      },
      (req) => transitionOrder(ctx, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/orders/:id/candidates',
      {
        schema: {
          tags,
          summary: '推荐志愿者（附得分构成与理由；q 按姓名或编号查找任一志愿者）',
          params: idParam,
          querystring: orderCandidatesQuery,
        },
      },
      (req) => orderCandidates(ctx.database, actorOf(req), req.params.id, req.lang, undefined, req.query.q),
    );
    app.get(
      '/orders/:id/photos/:fileId',
      { schema: { tags, summary: '服务照片', params: idParam.extend({ fileId: z.string().uuid() }) } },
      async (req, reply) => {
        const f = await getOrderPhoto(ctx, actorOf(req), req.params.id, req.params.fileId);
        return sendFile(reply, f, true);
      },
    );
  };
}

/** The service menu of sites. */
export function serviceMenuRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/service-menu', { schema: { tags, summary: '服务菜单', querystring: serviceMenuQuery } }, (req) =>
      listMenu(ctx.db, actorOf(req), req.query.siteId),
    );
    app.post(
      '/service-menu',
      { schema: { tags, summary: '新增服务项目', body: serviceItemBody } },
      async (req, reply) => reply.status(201).send(await addMenuItem(ctx.db, actorOf(req), req.body)),
    );
    app.patch(
      '/service-menu/:id',
      { schema: { tags, summary: '修改服务项目', params: idParam, body: serviceItemPatchBody } },
      (req) => updateMenuItem(ctx.db, actorOf(req), req.params.id, req.body),
    );
  };
}
