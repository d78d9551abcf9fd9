import {
  idParam,
  inspectionPlanCreateBody,
  inspectionPlanListQuery,
  inspectionPlanPointsQuery,
  inspectionPlanUpdateBody,
  planAssignBody,
  planSampleBody,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { listPlanPoints, planProgress } from './plan-progress.service';
import { assignPlan, samplePlan } from './plan-sample.service';
import * as plans from './plan.service';

const tags = ['inspection plans 测评计划'];

/** Inspection plans: CRUD, life cycle, sample, split among teams, points and progress. */
export function planRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/inspection-plans',
      {
        schema: {
          tags,
          summary: '测评计划列表（暗访计划在公布结果前对被检单位不可见）',
          querystring: inspectionPlanListQuery,
        },
      },
      (req) => plans.listPlans(ctx.db, actorOf(req), req.query),
    );
    app.get(
      '/inspection-plans/:id',
      { schema: { tags, summary: '测评计划详情（含督查组）', params: idParam } },
      (req) => plans.getPlan(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/inspection-plans',
      { schema: { tags, summary: '新建测评计划（草稿；可带客户端 id）', body: inspectionPlanCreateBody } },
      async (req, reply) => {
        reply.status(201);
        return plans.createPlan(ctx.db, actorOf(req), req.body);
      },
    );
    app.put(
      '/inspection-plans/:id',
      { schema: { tags, summary: '修改测评计划（带版本号）', params: idParam, body: inspectionPlanUpdateBody } },
      (req) => plans.updatePlan(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.delete(
      '/inspection-plans/:id',
      { schema: { tags, summary: '删除尚无测评记录的计划', params: idParam } },
      async (req, reply) => {
        await plans.deletePlan(ctx.db, actorOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
    for (const [path, step, summary] of [
      ['publish', 'publish', '发布计划（下发到督查组）'],
      ['close', 'close', '结束计划'],
      ['publish-results', 'publishResults', '公布结果（暗访计划自此对被检单位可见）'],
    ] as const) {
      app.post(`/inspection-plans/:id/${path}`, { schema: { tags, summary, params: idParam } }, (req) =>
        plans.stepPlan(ctx.db, actorOf(req), req.params.id, step),
      );
    }
    app.post(
      '/inspection-plans/:id/sample',
      {
        schema: {
          tags,
          summary: '抽取点位（全部/按类型随机（带种子，可复现）/指定），替换原样本',
          params: idParam,
          body: planSampleBody,
        },
      },
      (req) => samplePlan(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/inspection-plans/:id/assign',
      {
        schema: {
          tags,
          summary: '将点位分配给督查组（按区划均分，或指定点位给某组）',
          params: idParam,
          body: planAssignBody,
        },
      },
      (req) => assignPlan(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/inspection-plans/:id/points',
      {
        schema: {
          tags,
          summary: '计划的点位（所属督查组、是否已测评）',
          params: idParam,
          querystring: inspectionPlanPointsQuery,
        },
      },
      (req) => listPlanPoints(ctx.db, actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/inspection-plans/:id/progress',
      { schema: { tags, summary: '计划进度：各督查组已测/分配点位数', params: idParam } },
      (req) => planProgress(ctx.db, actorOf(req), req.params.id),
    );
  };
}
