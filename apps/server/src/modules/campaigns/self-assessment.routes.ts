import {
  idParam,
  indicatorScoresBody,
  selfAssessmentBody,
  selfAssessmentListQuery,
  selfAssessmentReturnBody,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { sendFile } from '../../platform/http-files';
import * as report from './self-assessment-report';
import * as sa from './self-assessment.service';

const tags = ['self-assessments 自查自评'];

/** Self-assessments of units: open, list, the comparison with the office's check, the report. */
export function selfAssessmentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/self-assessments',
      { schema: { tags, summary: '自查自评列表', querystring: selfAssessmentListQuery } },
      (req) => sa.listSelfAssessments(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/self-assessments',
      { schema: { tags, summary: '发起自查自评', body: selfAssessmentBody } },
      async (req, reply) => {
        reply.status(201);
        return sa.createSelfAssessment(ctx.db, actorOf(req), req.body);
      },
    );
    app.get('/self-assessments/:id', { schema: { tags, summary: '自查自评详情', params: idParam } }, (req) =>
      sa.getSelfAssessment(ctx.db, actorOf(req), req.params.id),
    );
    app.get(
      '/self-assessments/:id/comparison',
      { schema: { tags, summary: '自评与考核验收对比', params: idParam } },
      (req) => report.compareSelfAssessment(ctx.db, actorOf(req), req.params.id),
    );
    app.get(
      '/self-assessments/:id/report.docx',
      { schema: { tags, summary: '下载自查报告', params: idParam } },
      async (req, reply) => sendFile(reply, await report.getSelfInspectionReport(ctx, actorOf(req), req.params.id)),
    );
  };
}

/** Scoring: the unit's own scores, submitting them (with the report), and the office's acceptance check. */
export function selfAssessmentScoreRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/self-assessments/:id/scores',
      { schema: { tags, summary: '单位自评打分（得分、说明、佐证）', params: idParam, body: indicatorScoresBody } },
      (req) => sa.saveScores(ctx.db, actorOf(req), req.params.id, 'self', req.body),
    );
    app.post(
      '/self-assessments/:id/submit',
      { schema: { tags, summary: '提交自评并生成自查报告', params: idParam } },
      (req) => report.submitSelfAssessment(ctx, actorOf(req), req.params.id),
    );
    app.put(
      '/self-assessments/:id/office-scores',
      { schema: { tags, summary: '考核验收打分（文明办）', params: idParam, body: indicatorScoresBody } },
      (req) => sa.saveScores(ctx.db, actorOf(req), req.params.id, 'office', req.body),
    );
    app.post(
      '/self-assessments/:id/return',
      { schema: { tags, summary: '退回自评（文明办，须填原因）', params: idParam, body: selfAssessmentReturnBody } },
      (req) => sa.returnSelfAssessment(ctx.db, actorOf(req), req.params.id, req.body.reason),
    );
  };
}
