// The service orders module's public face: routes, the overdue job, demo data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { registerOrderOverdueJob } from './order-overdue';
import { orderRoutes, serviceMenuRoutes } from './order.routes';

export { ORDER_OVERDUE_JOB, scanOverdueOrders } from './order-overdue';
export { orderCandidates } from './order-candidates.service';
export { seedDemoOrders } from './demo/seed-orders';
export { orderScope } from './order.policy';

/** Orders and the service menu under /api/v1. */
export function ordersRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const routes of [orderRoutes, serviceMenuRoutes]) await app.register(routes(ctx));
  };
}

/** Job handlers: the overdue run. */
export function registerOrderJobs(ctx: AppContext): void {
  registerOrderOverdueJob(ctx);
}
