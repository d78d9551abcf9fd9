// Routes of the three lists under /api/v1/community, and the public board of open needs.
import {
  communityActionBody,
  communityClaimBody,
  communityItemBody,
  communityItemQuery,
  idParam,
  publicNeedsQuery,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { listPublicNeeds } from './community-board.service';
import { actOnItem, claimItem, createItem, getItem, listCommunityItems } from './community.service';

const tags = ['community 三张清单'];

export function communityRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/community/items',
      { schema: { tags, summary: '需求、资源、项目清单', querystring: communityItemQuery } },
      (req) => listCommunityItems(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/community/items',
      { schema: { tags, summary: '登记清单事项', body: communityItemBody } },
      async (req, reply) => reply.status(201).send(await createItem(ctx.db, actorOf(req), req.body)),
    );
    app.get('/community/items/:id', { schema: { tags, summary: '清单事项', params: idParam } }, (req) =>
      getItem(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/community/items/:id/claim',
      { schema: { tags, summary: '认领（已被认领：409）', params: idParam, body: communityClaimBody } },
      async (req, reply) => reply.status(201).send(await claimItem(ctx.db, actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/community/items/:id/actions',
      { schema: { tags, summary: '审核、完成、确认、关闭', params: idParam, body: communityActionBody } },
      (req) => actOnItem(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/public/community/needs',
      { schema: { tags, summary: '公开需求榜（无需登录）', querystring: publicNeedsQuery }, config: { public: true } },
      (req) => listPublicNeeds(req.db ?? ctx.db, req.query, ctx.config.defaultTenant),
    );
  };
}
