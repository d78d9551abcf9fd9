import {
  evaluationCreateBody,
  evaluationDeductionsQuery,
  evaluationInspectionsQuery,
  evaluationListQuery,
  evaluationPointsQuery,
  evaluationResultsQuery,
  idParam,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { sendFile } from '../problems/problem.routes';
import { createEvaluation } from './evaluation-create.service';
import { indicatorPoints, listDeductions, pointInspections, subjectDetail } from './evaluation-drill.service';
import { exportDeductions } from './evaluation-export';
import { getEvaluation, listEvaluationResults, listEvaluations } from './evaluation-read.service';
import { evaluationTrend } from './evaluation-trend.service';

const tags = ['evaluations 考评排名'];

/** Evaluations: create (202, computed by the job queue), read, rank, trend and drill down. */
export function evaluationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/evaluations', { schema: { tags, summary: '考评列表', querystring: evaluationListQuery } }, (req) =>
      listEvaluations(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/evaluations',
      { schema: { tags, summary: '新建考评（后台计算，返回 202）', body: evaluationCreateBody } },
      async (req, reply) => {
        const created = await createEvaluation(ctx, actorOf(req), req.body);
        reply.status(202);
        return created;
      },
    );
    app.get('/evaluations/:id', { schema: { tags, summary: '考评详情（状态、比率）', params: idParam } }, (req) =>
      getEvaluation(ctx.db, actorOf(req), req.params.id),
    );
    app.get(
      '/evaluations/:id/results',
      { schema: { tags, summary: '排名结果（按层级分页）', params: idParam, querystring: evaluationResultsQuery } },
      (req) => listEvaluationResults(ctx.db, actorOf(req), req.params.id, req.query),
    );
    app.get('/evaluations/:id/trend', { schema: { tags, summary: '同系列各期趋势', params: idParam } }, (req) =>
      evaluationTrend(ctx.db, actorOf(req), req.params.id),
    );
    app.get(
      '/evaluations/:id/deductions',
      { schema: { tags, summary: '失分项（按失分排序）', params: idParam, querystring: evaluationDeductionsQuery } },
      (req) => listDeductions(ctx.db, actorOf(req), req.params.id, req.query.subject),
    );
    app.get(
      '/evaluations/:id/deductions.xlsx',
      { schema: { tags, summary: '失分项导出 Excel', params: idParam, querystring: evaluationDeductionsQuery } },
      async (req, reply) =>
        sendFile(reply, await exportDeductions(ctx.db, actorOf(req), req.params.id, req.query.subject)),
    );
    app.get(
      '/evaluations/:id/subject',
      { schema: { tags, summary: '对象得分与指标树', params: idParam, querystring: evaluationDeductionsQuery } },
      (req) => subjectDetail(ctx.db, actorOf(req), req.params.id, req.query.subject),
    );
    app.get(
      '/evaluations/:id/indicator-points',
      { schema: { tags, summary: '某指标在各点位的测评', params: idParam, querystring: evaluationPointsQuery } },
      (req) => indicatorPoints(ctx.db, actorOf(req), req.params.id, req.query.subject, req.query.indicatorId),
    );
    app.get(
      '/evaluations/:id/point-inspections',
      {
        schema: {
          tags,
          summary: '点位的测评记录、问题与照片',
          params: idParam,
          querystring: evaluationInspectionsQuery,
        },
      },
      (req) =>
        pointInspections(
          ctx.db,
          actorOf(req),
          req.params.id,
          req.query.subject,
          req.query.pointId,
          req.query.indicatorId,
        ),
    );
  };
}
