import {
  idParam,
  inspectionChecklistQuery,
  inspectionListQuery,
  inspectionSubmitBody,
  inspectionTodayQuery,
  inspectionUpdateBody,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { replayAnswer } from '../../platform/idempotency';
import { getChecklist } from './checklist.service';
import { listInspections, todayPoints } from './inspection-read.service';
import { getInspection, submitInspection, updateInspection } from './inspection.service';

const tags = ['inspections 实地测评'];

/** The phone's inspection APIs: today's points, a point's checklist, submit and edit; lists for the office. */
export function inspectionRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/inspections/today',
      { schema: { tags, summary: '我今天的点位（列表与地图，未测的在前）', querystring: inspectionTodayQuery } },
      (req) => todayPoints(ctx.db, actorOf(req), req.query.planId),
    );
    app.get(
      '/points/:id/checklist',
      {
        schema: {
          tags,
          summary: '点位测评清单：该点位类型适用的实地测评标准、分值、方法、评分规则与负面清单',
          params: idParam,
          querystring: inspectionChecklistQuery,
        },
      },
      (req) => getChecklist(ctx.db, actorOf(req), req.params.id, req.query.planId),
    );
    app.post(
      '/inspections',
      {
        schema: {
          tags,
          summary:
            '提交测评（客户端生成 id；重发只存一次：新建 201，已存在 200，均回执已存的记录；支持 Idempotency-Key）',
          body: inspectionSubmitBody,
        },
        // The client's id makes the write idempotent; its Idempotency-Key answer is stored in the same transaction.
        config: { idempotency: 'in-write' },
      },
      async (req, reply) => {
        const result = await submitInspection(ctx, actorOf(req), req.body, req.idempotency);
        if ('replay' in result) return replayAnswer(reply, result.replay);
        reply.status(result.created ? 201 : 200);
        return result.inspection;
      },
    );
    app.get('/inspections', { schema: { tags, summary: '测评记录列表', querystring: inspectionListQuery } }, (req) =>
      listInspections(ctx.db, actorOf(req), req.query),
    );
    app.get('/inspections/:id', { schema: { tags, summary: '测评记录详情（含各标准结果）', params: idParam } }, (req) =>
      getInspection(ctx.db, actorOf(req), req.params.id),
    );
    app.put(
      '/inspections/:id',
      {
        schema: {
          tags,
          summary: '修改测评（带版本号；版本过期 409 STALE_VERSION，details.current 为服务器上的版本）',
          params: idParam,
          body: inspectionUpdateBody,
        },
      },
      (req) => updateInspection(ctx, actorOf(req), req.params.id, req.body),
    );
  };
}
