import { auditQuery } from '@wenming/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { listAuditEvents } from './audit.service';

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit-events',
      { schema: { tags: ['audit 审计'], summary: '审计事件检索（审计管理员）', querystring: auditQuery } },
      (req) => listAuditEvents(ctx.db, actorOf(req), req.query),
    );
  };
}
