import { idParam, personBody, personListQuery } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import * as people from './person.service';

const tags = ['people 人员'];

export function personRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/people',
      { schema: { tags, summary: '人员列表（证件号、手机号脱敏）', querystring: personListQuery } },
      (req) => people.listPeople(ctx.db, actorOf(req), req.query),
    );
    app.get('/people/:id', { schema: { tags, summary: '人员详情', params: idParam } }, (req) =>
      people.getPerson(ctx.db, actorOf(req), req.params.id),
    );
    app.post(
      '/people',
      { schema: { tags, summary: '新建人员', body: personBody.extend({ id: z.string().uuid().optional() }) } },
      async (req, reply) => {
        reply.status(201);
        return people.createPerson(ctx.db, ctx.cipher, actorOf(req), req.body);
      },
    );
    app.put(
      '/people/:id',
      {
        schema: {
          tags,
          summary: '修改人员（带版本号）',
          params: idParam,
          body: personBody.extend({ version: z.number().int() }),
        },
      },
      (req) => people.updatePerson(ctx.db, ctx.cipher, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/people/:id/reveal',
      { schema: { tags, summary: '查看完整证件号与手机号（留痕）', params: idParam } },
      (req) => people.revealPerson(ctx.db, ctx.cipher, actorOf(req), req.params.id),
    );
  };
}
