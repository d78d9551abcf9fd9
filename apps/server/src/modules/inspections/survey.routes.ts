import {
  idParam,
  publicResponseBody,
  questionnaireBody,
  questionnaireListQuery,
  questionnaireUpdateBody,
  surveyResponseBody,
  surveyResultsQuery,
  surveyTokenParam,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as questionnaires from './questionnaire.service';
import { getPublicSurvey, submitPublicResponse, submitSurveyResponse } from './survey-response.service';
import { surveyResults } from './survey-results.service';

const tags = ['questionnaires 问卷调查'];
/** Public answers per client address and minute: enough for a family at one phone, too few for a script. */
export const PUBLIC_RESPONSES_PER_MINUTE = 20;

/** Questionnaires (awareness and satisfaction), answers taken by inspectors, results per region. */
export function surveyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/questionnaires', { schema: { tags, summary: '问卷列表', querystring: questionnaireListQuery } }, (req) =>
      questionnaires.listQuestionnaires(ctx.db, actorOf(req), req.query),
    );
    app.get('/questionnaires/:id', { schema: { tags, summary: '问卷详情', params: idParam } }, (req) =>
      questionnaires.getQuestionnaire(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/questionnaires',
      { schema: { tags, summary: '新建问卷（知晓率、满意率题目；可开放公众链接）', body: questionnaireBody } },
      async (req, reply) => {
        reply.status(201);
        return questionnaires.createQuestionnaire(ctx.db, actorOf(req), req.body);
      },
    );
    app.put(
      '/questionnaires/:id',
      {
        schema: {
          tags,
          summary: '修改问卷（带版本号；已有答卷时题目不可改）',
          params: idParam,
          body: questionnaireUpdateBody,
        },
      },
      (req) => questionnaires.updateQuestionnaire(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/questionnaires/:id/results',
      {
        schema: {
          tags,
          summary: '按区划统计知晓率、满意率（分子/分母/百分比）',
          params: idParam,
          querystring: surveyResultsQuery,
        },
      },
      (req) => surveyResults(ctx.db, actorOf(req), req.params.id, req.query.level),
    );
    app.post(
      '/survey-responses',
      {
        schema: {
          tags,
          summary: '督查员代填答卷（客户端 id；重发只存一次：新建 201，已存在 200）',
          body: surveyResponseBody,
        },
      },
      async (req, reply) => {
        const { created, response } = await submitSurveyResponse(ctx.db, actorOf(req), req.body);
        reply.status(created ? 201 : 200);
        return response;
      },
    );
  };
}

/** The resident's public questionnaire page: no sign-in, answers rate-limited per address. */
export function publicSurveyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/public/surveys/:token',
      { schema: { tags, summary: '公众问卷（公开链接）', params: surveyTokenParam }, config: { public: true } },
      (req) => getPublicSurvey(ctx.db, req.params.token),
    );
    app.post(
      '/public/surveys/:token/responses',
      {
        schema: {
          tags,
          summary: '群众提交答卷（公开；按 IP 限流；客户端 id 重发只存一次）',
          params: surveyTokenParam,
          body: publicResponseBody,
        },
        config: { public: true, rateLimit: { max: PUBLIC_RESPONSES_PER_MINUTE, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const { created, response } = await submitPublicResponse(ctx.db, req.params.token, req.body);
        reply.status(created ? 201 : 200);
        return { id: response.id, receivedAt: response.receivedAt };
      },
    );
  };
}
