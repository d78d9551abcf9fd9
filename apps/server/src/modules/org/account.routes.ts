import { accountBody, idParam, pageQuery, roleAssignmentBody } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as accounts from './account.service';

const tags = ['accounts 账号与角色'];

export function accountRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/accounts',
      { schema: { tags, summary: '账号列表', querystring: pageQuery.extend({ q: z.string().max(100).optional() }) } },
      (req) => accounts.listAccounts(ctx.db, actorOf(req), req.query),
    );
    app.post(
      '/accounts',
      { schema: { tags, summary: '新建账号（首次登录须改密）', body: accountBody } },
      async (req, reply) => {
        reply.status(201);
        return accounts.createAccount(ctx.db, actorOf(req), req.body);
      },
    );
    app.post(
      '/accounts/:id/roles',
      { schema: { tags, summary: '授予角色与数据范围', params: idParam, body: roleAssignmentBody } },
      async (req, reply) => {
        reply.status(201);
        return accounts.assignRole(ctx.db, actorOf(req), req.params.id, req.body);
      },
    );
    app.delete(
      '/accounts/:id/roles/:assignmentId',
      {
        schema: {
          tags,
          summary: '收回角色',
          params: z.object({ id: z.string().uuid(), assignmentId: z.string().uuid() }),
        },
      },
      (req) => accounts.revokeRole(ctx.db, actorOf(req), req.params.id, req.params.assignmentId),
    );
    app.post('/accounts/:id/unlock', { schema: { tags, summary: '解除登录锁定', params: idParam } }, (req) =>
      accounts.unlockAccount(ctx.db, actorOf(req), req.params.id),
    );
    app.get('/roles', { schema: { tags, summary: '角色与权限' } }, (req) => accounts.listRoles(ctx.db, actorOf(req)));
  };
}
