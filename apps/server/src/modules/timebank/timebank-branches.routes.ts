// Routes of the time bank's branches (issue 18): create and edit head and grid branches, their managers, moving
// an account to another branch, and the monthly reconciliation.
import {
  idParam,
  timebankBranchBody,
  timebankBranchPatch,
  timebankManagersBody,
  timebankMoveBody,
  timebankReconciliationQuery,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { branchManagers, createBranch, editBranch, moveAccount, setBranchManagers } from './timebank-branches.service';
import { reconciliation } from './timebank-reconciliation.service';

const tags = ['timebank 时间银行'];

export function timebankBranchAdminRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/timebank/branches',
      { schema: { tags, summary: '开设总行或网格分行', body: timebankBranchBody } },
      async (req, reply) => reply.status(201).send(await createBranch(ctx.db, actorOf(req), req.body)),
    );
    app.patch(
      '/timebank/branches/:id',
      { schema: { tags, summary: '修改网点名称或所属阵地', params: idParam, body: timebankBranchPatch } },
      (req) => editBranch(ctx.db, actorOf(req), req.params.id, req.body),
    );
    app.get('/timebank/branches/:id/managers', { schema: { tags, summary: '网点管理员', params: idParam } }, (req) =>
      branchManagers(ctx.db, actorOf(req), req.params.id),
    );
    app.put(
      '/timebank/branches/:id/managers',
      { schema: { tags, summary: '设置网点管理员', params: idParam, body: timebankManagersBody } },
      (req) => setBranchManagers(ctx.db, actorOf(req), req.params.id, req.body.accountIds),
    );
    app.post(
      '/timebank/accounts/:id/move',
      { schema: { tags, summary: '账户连同余额转移到本社区另一网点', params: idParam, body: timebankMoveBody } },
      async (req, reply) => reply.status(201).send(await moveAccount(ctx.db, actorOf(req), req.params.id, req.body)),
    );
    app.get(
      '/timebank/reconciliation',
      { schema: { tags, summary: '按月对账（各网点与全行合计为零）', querystring: timebankReconciliationQuery } },
      (req) => reconciliation(ctx.db, actorOf(req), req.query),
    );
  };
}
