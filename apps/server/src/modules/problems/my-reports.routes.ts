import { myProblemReportQuery } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { listMyReports } from './my-reports.service';
import { tags } from './problem.routes';

/** 我的上报: the signed-in person's own reports and their state. */
export function myReportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/my/problem-reports',
      { schema: { tags, summary: '我的上报（本人上报的问题及办理状态）', querystring: myProblemReportQuery } },
      (req) => listMyReports(ctx.db, actorOf(req), req.query),
    );
  };
}
