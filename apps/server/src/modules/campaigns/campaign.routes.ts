import { campaignBody, campaignListQuery, campaignUpdateBody, idParam, progressQuery } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as campaigns from './campaign.service';
import { campaignProgress } from './progress.service';

const tags = ['campaigns 创建周期'];

/** Campaigns with their action lines, and their progress views. */
export function campaignRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/campaigns',
      { schema: { tags, summary: '创建周期/年度方案/专项行动列表', querystring: campaignListQuery } },
      (req) => campaigns.listCampaigns(ctx.db, actorOf(req), req.query),
    );
    app.get('/campaigns/:id', { schema: { tags, summary: '创建周期详情（含行动）', params: idParam } }, (req) =>
      campaigns.getCampaign(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/campaigns',
      { schema: { tags, summary: '新建创建周期（含行动）', body: campaignBody } },
      async (req, reply) => {
        reply.status(201);
        return campaigns.createCampaign(ctx, actorOf(req), req.body);
      },
    );
    app.put(
      '/campaigns/:id',
      { schema: { tags, summary: '修改创建周期与行动（带版本号）', params: idParam, body: campaignUpdateBody } },
      (req) => campaigns.updateCampaign(ctx, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/campaigns/:id',
      { schema: { tags, summary: '删除没有任务的创建周期', params: idParam } },
      async (req, reply) => {
        await campaigns.deleteCampaign(ctx.db, actorOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
    app.get(
      '/campaigns/:id/progress',
      {
        schema: {
          tags,
          summary: '按周/月、按单位/行动的进度（按时、逾期、完成率）',
          params: idParam,
          querystring: progressQuery,
        },
      },
      (req) => campaignProgress(ctx.db, actorOf(req), req.params.id, req.query),
    );
  };
}
