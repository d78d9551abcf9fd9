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
import { sendFile } from '../../platform/http-files';
import { createEvaluation } from './evaluation-create.service';
import { indicatorPoints, listDeductions, pointInspections, subjectDetail } from './evaluation-drill.service';
import { exportDeductions } from './evaluation-export';
import { getEvaluation, listEvaluationResults, listEvaluations } from './evaluation-read.service';
import { evaluationTrend } from './evaluation-trend.service';

const tags = ['evaluations 考评排名'];

/** Evaluations: create (202, computed by the job queue), read, rank, trend and drill down. */
export function evaluationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/evaluations',
      { config: { readReplica: true }, schema: { tags, summary: '考评列表', querystring: evaluationListQuery } },
      (req) => listEvaluations(req.db, actorOf(req), req.query),
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
    app.get(
      '/evaluations/:id',
      { config: { readReplica: true }, schema: { tags, summary: '考评详情（状态、比率）', params: idParam } },
      (req) => getEvaluation(req.db, actorOf(req), req.params.id),
    );
    app.get(
      '/evaluations/:id/results',
      {
        config: { readReplica: true },
        schema: { tags, summary: '排名结果（按层级分页）', params: idParam, querystring: evaluationResultsQuery },
      },
      (req) => listEvaluationResults(req.db, actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/evaluations/:id/trend',
      { config: { readReplica: true }, schema: { tags, summary: '同系列各期趋势', params: idParam } },
      (req) => evaluationTrend(req.db, actorOf(req), req.params.id),
    );
    app.get(
      '/evaluations/:id/deductions',
      {
        config: { readReplica: true },
        schema: { tags, summary: '失分项（按失分排序）', params: idParam, querystring: evaluationDeductionsQuery },
      },
      (req) => listDeductions(req.db, actorOf(req), req.params.id, req.query.subject),
    );
    app.get(
      '/evaluations/:id/deductions.xlsx',
      {
        config: { readReplica: true },
        schema: { tags, summary: '失分项导出 Excel', params: idParam, querystring: evaluationDeductionsQuery },
      },
      async (req, reply) =>
        sendFile(reply, await exportDeductions(req.db, actorOf(req), req.params.id, req.query.subject)),
    );
    app.get(
      '/evaluations/:id/subject',
      {
        config: { readReplica: true },
        schema: { tags, summary: '对象得分与指标树', params: idParam, querystring: evaluationDeductionsQuery },
      },
      (req) => subjectDetail(req.db, actorOf(req), req.params.id, req.query.subject),
    );
    app.get(
      '/evaluations/:id/indicator-points',
      {
        config: { readReplica: true },
        schema: { tags, summary: '某指标在各点位的测评', params: idParam, querystring: evaluationPointsQuery },
      },
      (req) => indicatorPoints(req.db, actorOf(req), req.params.id, req.query.subject, req.query.indicatorId),
    );
    app.get(
      '/evaluations/:id/point-inspections',
      {
        config: { readReplica: true },
        schema: {
          tags,
          summary: '点位的测评记录、问题与照片',
          params: idParam,
          querystring: evaluationInspectionsQuery,
        },
      },
      (req) =>
        pointInspections(
          req.db,
          actorOf(req),
          req.params.id,
          req.query.subject,
          req.query.pointId,
          req.query.indicatorId,
        ),
    );
  };
}
