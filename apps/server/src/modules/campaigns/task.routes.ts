import { idParam, taskListQuery, taskTransitionBody } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { runRemindersNow } from './reminders';
import { jobAccepted } from './route-helpers';
import { transitionTask } from './task-flow.service';
import { getTask, listMyTasks, listTasks } from './task.service';

const tags = ['tasks 任务'];

/** Task lists and detail, transitions by the state machine, and running the reminder job now. */
export function taskRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/tasks',
      { schema: { tags, summary: '任务清单（按单位、行动、状态、时限、逾期筛选）', querystring: taskListQuery } },
      (req) => listTasks(ctx.db, actorOf(req), req.query),
    );
    app.get(
      '/tasks/mine',
      { schema: { tags, summary: '我的任务（本单位牵头或配合）', querystring: taskListQuery } },
      (req) => listMyTasks(ctx.db, actorOf(req), req.query),
    );
    app.get('/tasks/:id', { schema: { tags, summary: '任务详情（可执行操作、流转记录）', params: idParam } }, (req) =>
      getTask(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/tasks/:id/transitions',
      {
        schema: {
          tags,
          summary: '任务流转：开始办理、审核通过、退回（须说明原因）',
          params: idParam,
          body: taskTransitionBody,
        },
      },
      (req) => transitionTask(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/tasks/reminders/run',
      { schema: { tags, summary: '立即执行逾期标记与提醒（后台任务）', response: { 202: jobAccepted } } },
      async (req, reply) => reply.status(202).send(await runRemindersNow(ctx, actorOf(req))),
    );
  };
}
