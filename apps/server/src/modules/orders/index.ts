// The service orders module's public face: routes, the overdue job, demo data.
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { registerOrderOverdueJob } from './order-overdue';
import { orderRoutes, serviceMenuRoutes } from './order.routes';
import { ORDER_FROM, orderScope } from './order.policy';

export { ORDER_OVERDUE_JOB, scanOverdueOrders } from './order-overdue';
export { orderCandidates } from './order-candidates.service';
export { seedDemoOrders } from './demo/seed-orders';
export { orderScope } from './order.policy';

/** Orders and the service menu under /api/v1. */
export function ordersRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  // An order's photos are read through /files/{id} only by those who may see the order (as /orders/{id}/photos).
  ctx.files.registerAttachment({
    name: 'service_order_photo',
    attached: (tenantId, fileId) =>
      sql`EXISTS (SELECT 1 FROM service_order_photo ph WHERE ph.tenant_id = ${tenantId} AND ph.file_id = ${fileId})`,
    visible: (actor, fileId) => sql`EXISTS (SELECT 1 FROM ${ORDER_FROM}
      JOIN service_order_photo ph ON ph.tenant_id = o.tenant_id AND ph.order_id = o.id AND ph.file_id = ${fileId}
      WHERE o.tenant_id = ${actor.tenantId} AND ${orderScope(actor, 'order.read')})`,
  });
  return async (app) => {
    for (const routes of [orderRoutes, serviceMenuRoutes]) await app.register(routes(ctx));
  };
}

/** Job handlers: the overdue run. */
export function registerOrderJobs(ctx: AppContext): void {
  registerOrderOverdueJob(ctx);
}
