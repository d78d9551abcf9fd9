// Time bank routes under /api/v1/timebank: accounts, statements, transfers, reversals, branches, goods.
import {
  idParam,
  timebankAccountListQuery,
  timebankFamilyBody,
  timebankGoodsBody,
  timebankRedemptionBody,
  timebankRedemptionCodeParam,
  timebankReversalBody,
  timebankStatementQuery,
  timebankTransferBody,
} from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { getAccount, listAccounts, listFunds, myAccounts, openMyAccount } from './timebank-accounts.service';
import { addGoods, fulfilRedemption, listGoods, listRedemptions, redeemGoods } from './timebank-goods.service';
import { accountStatement, branchStatement, listBranches } from './timebank-statement.service';
import { linkFamily, reverseJournal, transferHours } from './timebank-transfer.service';

const tags = ['timebank 时间银行'];

/** Accounts, statements and movements. */
export function timebankRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/timebank/accounts',
      { schema: { tags, summary: '账户列表（本人 / 本阵地 / 本辖区）', querystring: timebankAccountListQuery } },
      (req) => listAccounts(ctx.db, actorOf(req), req.query),
    );
    app.get('/timebank/funds', { schema: { tags, summary: '可捐赠的基金账户' } }, (req) =>
      listFunds(ctx.db, actorOf(req)),
    );
    app.get('/timebank/accounts/mine', { schema: { tags, summary: '我的账户' } }, (req) =>
      myAccounts(ctx.db, actorOf(req)),
    );
    app.post('/timebank/accounts/mine', { schema: { tags, summary: '开立我的账户（幂等）' } }, (req) =>
      openMyAccount(ctx.db, actorOf(req)),
    );
    app.get('/timebank/accounts/:id', { schema: { tags, summary: '账户与余额', params: idParam } }, (req) =>
      getAccount(ctx.db, actorOf(req), req.params.id),
    );
    app.get(
      '/timebank/accounts/:id/statement',
      {
        schema: {
          tags,
          summary: '账户对账单（期初、明细、期末）',
          params: idParam,
          querystring: timebankStatementQuery,
        },
      },
      (req) => accountStatement(ctx.db, actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/timebank/accounts/:id/family',
      { schema: { tags, summary: '登记家庭成员', params: idParam, body: timebankFamilyBody } },
      async (req) => {
        await linkFamily(ctx.db, actorOf(req), req.params.id, req.body.memberAccountId);
        return getAccount(ctx.db, actorOf(req), req.params.id);
      },
    );
    app.post(
      '/timebank/transfers',
      { schema: { tags, summary: '转赠家人或捐赠基金（Idempotency-Key）', body: timebankTransferBody } },
      async (req, reply) => {
        const result = await transferHours(ctx.db, actorOf(req), req.body, req.idempotency?.key ?? null);
        return reply.status(201).send(result);
      },
    );
    app.post(
      '/timebank/journals/:id/reversal',
      { schema: { tags, summary: '冲正', params: idParam, body: timebankReversalBody } },
      async (req, reply) => reply.status(201).send(await reverseJournal(ctx.db, actorOf(req), req.params.id, req.body)),
    );
  };
}

/** Branches, their statements, the goods catalogue and redemptions. */
export function timebankBranchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/timebank/branches', { schema: { tags, summary: '总行与分行' } }, (req) =>
      listBranches(ctx.db, actorOf(req)),
    );
    app.get(
      '/timebank/branches/:id/statement',
      { schema: { tags, summary: '网点对账单', params: idParam, querystring: timebankStatementQuery } },
      (req) => branchStatement(ctx.db, actorOf(req), req.params.id, req.query),
    );
    app.get('/timebank/branches/:id/goods', { schema: { tags, summary: '兑换目录', params: idParam } }, (req) =>
      listGoods(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/timebank/branches/:id/goods',
      { schema: { tags, summary: '上架兑换物品', params: idParam, body: timebankGoodsBody } },
      async (req, reply) => reply.status(201).send(await addGoods(ctx.db, actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/timebank/redemptions',
      { schema: { tags, summary: '兑换物品（生成兑换码）', body: timebankRedemptionBody } },
      async (req, reply) => reply.status(201).send(await redeemGoods(ctx.db, actorOf(req), req.body)),
    );
    app.get('/timebank/accounts/:id/redemptions', { schema: { tags, summary: '兑换记录', params: idParam } }, (req) =>
      listRedemptions(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/timebank/redemptions/:code/fulfil',
      { schema: { tags, summary: '凭兑换码发放', params: timebankRedemptionCodeParam } },
      (req) => fulfilRedemption(ctx.db, actorOf(req), req.params.code),
    );
  };
}
