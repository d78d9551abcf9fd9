import { workbenchQuery } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { getWorkbench } from './workbench.service';

const tags = ['workbench 工作台'];

/** GET /workbench: the caller's 待办, deadlines, figures and charts for one of their roles. */
export function workbenchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/workbench',
      { schema: { tags, summary: '工作台：待办、时限、本人数据（按角色与数据范围）', querystring: workbenchQuery } },
      (req) => getWorkbench(ctx.db, actorOf(req), req.query, ctx.clock.now()),
    );
  };
}
