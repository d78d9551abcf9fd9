import { type AuditEventView, auditQuery } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requirePermission } from '../../platform/access';
import type { AppContext } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { allOf, queryPage } from '../../platform/paging';

const toView = (r: any): AuditEventView => ({
  seq: Number(r.seq),
  id: r.id,
  at: new Date(r.at).toISOString(),
  actorId: r.actor_id,
  actorName: r.actor_name,
  action: r.action,
  objectType: r.object_type,
  objectId: r.object_id,
  before: r.before,
  after: r.after,
  requestId: r.request_id,
  ip: r.ip,
  hash: r.hash,
});

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit-events',
      { schema: { tags: ['audit 审计'], summary: '审计事件检索（审计管理员）', querystring: auditQuery } },
      async (req) => {
        const actor = actorOf(req);
        requirePermission(actor, 'audit.read');
        const q = req.query;
        return queryPage(
          ctx.db,
          {
            columns: sql`e.*`,
            from: sql`audit_event e`,
            where: allOf(
              sql`e.tenant_id = ${actor.tenantId}`,
              q.actor ? sql`(e.actor_name = ${q.actor} OR e.actor_id::text = ${q.actor})` : null,
              q.objectType ? sql`e.object_type = ${q.objectType}` : null,
              q.objectId ? sql`e.object_id = ${q.objectId}` : null,
              q.action ? sql`e.action LIKE ${`${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : null,
              q.from ? sql`e.at >= ${q.from}` : null,
              q.to ? sql`e.at < ${q.to}` : null,
            ),
            orderBy: sql`e.seq DESC`,
          },
          q,
          toView,
        );
      },
    );
  };
}
