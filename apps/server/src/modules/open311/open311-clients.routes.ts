import { idParam, open311ClientBody } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { createOpen311Client, listOpen311Clients, revokeOpen311Client } from './open311-clients.service';

const tags = ['open311 GeoReport v2'];

/** Office admins issue, list and revoke Open311 client keys (register with prefix /api/v1). */
export function open311ClientRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/open311/clients', { schema: { tags, summary: 'Open311 接入方列表' } }, (req) =>
      listOpen311Clients(ctx.db, actorOf(req)),
    );
    app.post(
      '/open311/clients',
      { schema: { tags, summary: '新增 Open311 接入方（返回一次性 API key）', body: open311ClientBody } },
      async (req, reply) => {
        reply.status(201);
        return createOpen311Client(ctx.db, actorOf(req), req.body);
      },
    );
    app.post(
      '/open311/clients/:id/revoke',
      { schema: { tags, summary: '停用 Open311 接入方的 API key', params: idParam } },
      (req) => revokeOpen311Client(ctx.db, actorOf(req), req.params.id),
    );
  };
}
