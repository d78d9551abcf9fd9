import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../platform/context';
import { authRoutes } from './auth/auth.routes';

/** Every module's routes under /api/v1. */
export function registerModules(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    await app.register(authRoutes(ctx));
  };
}
