import { idParam, problemCreateBody, problemListQuery, problemTransitionBody } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { can } from '../../platform/access';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { createProblem } from './problem-create.service';
import { transitionProblem } from './problem-transition.service';
import { getProblem, listProblems } from './problem.service';

export const tags = ['problems 问题清单'];

/** The problem list, reports and transitions. */
export function problemRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/problems',
      {
        schema: {
          tags,
          summary: '问题清单（状态、区划含下级、单位、类别、逾期、来源、关键词）',
          querystring: problemListQuery,
        },
      },
      (req) =>
        listProblems(ctx.db, actorOf(req), req.query, {
          database: ctx.database,
          version: req.session?.regionVersion ?? 0,
        }),
    );
    app.post(
      '/problems',
      { schema: { tags, summary: '上报问题（可带 Idempotency-Key 与客户端 id）', body: problemCreateBody } },
      async (req, reply) => {
        const actor = actorOf(req);
        const created = await createProblem(ctx, actor, req.body);
        reply.status(201);
        return can(actor, 'problem.read') ? getProblem(ctx, actor, created.id) : created;
      },
    );
    app.get(
      '/problems/:id',
      { schema: { tags, summary: '问题详情（历史、整改前后照片、可执行操作）', params: idParam } },
      (req) => getProblem(ctx, actorOf(req), req.params.id),
    );
    app.post(
      '/problems/:id/transitions',
      {
        schema: {
          tags,
          summary: '问题流转（派单、整改、提交、验收、退回、销号…）',
          params: idParam,
          body: problemTransitionBody,
        },
      },
      (req) => transitionProblem(ctx, actorOf(req), req.params.id, req.body),
    );
  };
}
