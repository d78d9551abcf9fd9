// The frameworks module's public face: routes, demo data, and reads other modules may use.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { frameworkEditRoutes } from './framework-edit.routes';
import { frameworkRoutes } from './framework.routes';

export { seedDemoFrameworks } from './demo/seed-frameworks';
export { getFramework, listFrameworks } from './framework.service';
export { getTree } from './indicator.service';
export { listNegativeItems } from './negative-item.service';

/** Frameworks, their indicator trees and negative lists, import and export, under /api/v1. */
export function frameworksRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(frameworkRoutes(ctx));
    await app.register(frameworkEditRoutes(ctx));
  };
}
