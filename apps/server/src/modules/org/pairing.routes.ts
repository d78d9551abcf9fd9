import { idParam, pairingBody, pairingListQuery } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as pairings from './pairing.service';

const tags = ['pairings 包联共建'];

export function pairingRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/pairings',
      { schema: { tags, summary: '包联/包街/结对共建列表', querystring: pairingListQuery } },
      (req) => pairings.listPairings(ctx.db, actorOf(req), req.query),
    );
    app.get('/pairings/:id', { schema: { tags, summary: '包联关系详情', params: idParam } }, (req) =>
      pairings.getPairing(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/pairings',
      {
        schema: {
          tags,
          summary: '新建包联关系（对象：区划代码、网格 id 或点位 id）',
          body: pairingBody.extend({ id: z.string().uuid().optional() }),
        },
      },
      async (req, reply) => {
        reply.status(201);
        return pairings.createPairing(ctx.db, actorOf(req), req.body);
      },
    );
    app.delete('/pairings/:id', { schema: { tags, summary: '解除包联关系', params: idParam } }, async (req, reply) => {
      await pairings.deletePairing(ctx.db, actorOf(req), req.params.id);
      return reply.status(204).send();
    });
  };
}
