// Routes of selections: campaigns and their stages, nominations and the eligibility check, votes and tallies,
// objections during 公示, and the public honour roll.
import {
  candidateListQuery,
  eligibilityBody,
  honourRollQuery,
  idParam,
  nominationBody,
  objectionAnswerBody,
  objectionBody,
  selectionCampaignBody,
  selectionCampaignListQuery,
  selectionTransitionBody,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { createCampaign, getCampaign, listCampaigns, transitionCampaign } from './campaign.service';
import { honourRoll } from './honour-roll.service';
import { checkCandidate, getCandidate, listCandidates, nominate } from './nomination.service';
import { answer, listCampaignObjections, submitObjection } from './objection.service';
import { getTally } from './tally.service';
import { castVote } from './vote.service';

const tags = ['selections 评选'];

const deviceOf = (v: string | string[] | undefined) => {
  const s = Array.isArray(v) ? v[0] : v;
  return s ? s.slice(0, 100) : null;
};

export function selectionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/selection-campaigns',
      {
        schema: {
          tags,
          summary: '评选活动列表（群众仅见提名、投票、公示与已命名的）',
          querystring: selectionCampaignListQuery,
        },
      },
      (req) => listCampaigns(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/selection-campaigns',
      { schema: { tags, summary: '新建评选活动（草稿；公示期不少于 7 天）', body: selectionCampaignBody } },
      async (req, reply) => {
        reply.status(201);
        return createCampaign(ctx.db, actorOf(req), req.body);
      },
    );
    app.get('/selection-campaigns/:id', { schema: { tags, summary: '评选活动详情', params: idParam } }, (req) =>
      getCampaign(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/selection-campaigns/:id/transition',
      { schema: { tags, summary: '推进评选阶段（带 version）', params: idParam, body: selectionTransitionBody } },
      (req) => transitionCampaign(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/selection-campaigns/:id/candidates',
      { schema: { tags, summary: '候选人列表', params: idParam, querystring: candidateListQuery } },
      (req) => listCandidates(ctx.db, actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/selection-campaigns/:id/nominations',
      {
        schema: {
          tags,
          summary: '提名（自荐、单位、组织或群众推荐；同一人重复提名 409）',
          params: idParam,
          body: nominationBody,
        },
      },
      async (req, reply) => {
        reply.status(201);
        return nominate(ctx, actorOf(req), req.params.id, req.body);
      },
    );
    app.get(
      '/selection-campaigns/:id/tally',
      { schema: { tags, summary: '实时票数（计数器，不逐票统计）', params: idParam } },
      (req) => getTally(ctx.db, actorOf(req), req.params.id),
    );
    app.get('/selection-campaigns/:id/objections', { schema: { tags, summary: '公示异议', params: idParam } }, (req) =>
      listCampaignObjections(ctx.db, actorOf(req), req.params.id),
    );
    app.get('/selection-candidates/:id', { schema: { tags, summary: '候选人详情', params: idParam } }, (req) =>
      getCandidate(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/selection-candidates/:id/check',
      { schema: { tags, summary: '资格审查（通过或不通过并说明理由）', params: idParam, body: eligibilityBody } },
      (req) => checkCandidate(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/selection-candidates/:id/votes',
      { schema: { tags, summary: '投票（实名账号每人每天每位候选人一票）', params: idParam } },
      async (req, reply) => {
        const result = await castVote(ctx.db, actorOf(req), req.params.id, {
          network: req.ip ?? null,
          device: deviceOf(req.headers['x-wenming-device']),
        });
        reply.status(201);
        return result;
      },
    );
    app.post(
      '/selection-candidates/:id/objections',
      { schema: { tags, summary: '公示期内提出异议', params: idParam, body: objectionBody } },
      async (req, reply) => {
        reply.status(201);
        return submitObjection(ctx.db, actorOf(req), req.params.id, req.body);
      },
    );
    app.post(
      '/selection-objections/:id/answer',
      { schema: { tags, summary: '答复异议（成立则取消候选人资格）', params: idParam, body: objectionAnswerBody } },
      (req) => answer(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/public/honour-roll',
      {
        schema: { tags, summary: '好人榜 / 光荣榜（公开，无需登录）', querystring: honourRollQuery },
        config: { public: true, readReplica: true },
      },
      (req) => honourRoll(req.db, req.query, ctx.config.defaultTenant),
    );
  };
}
