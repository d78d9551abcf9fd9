// The Open311 face of the problem list: GeoReport v2 under /open311/v2 and the client-key admin under /api/v1.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context';
import { open311ClientRoutes } from './open311-clients.routes';
import { open311V2Routes } from './open311.routes';

export { hashApiKey } from './open311-clients.service';
export { escapeXml, toXml } from './open311-format';

/**
 * Register at the root of the app (no prefix), after the HTTP platform: /open311/v2/* authenticates by api_key;
 * /api/v1/open311/clients goes through the session hook like every /api/v1 route.
 */
export function open311Routes(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    await app.register(open311V2Routes(ctx), { prefix: '/open311/v2' });
    await app.register(open311ClientRoutes(ctx), { prefix: '/api/v1' });
  };
}
