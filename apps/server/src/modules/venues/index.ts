// The venues module's public face (场馆预约): routes and demo data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { bookingRoutes, venueRoutes } from './venue.routes';

export { seedDemoVenues } from './demo/seed-venues';

/** Venues and bookings under /api/v1. */
export function venuesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const routes of [venueRoutes, bookingRoutes]) await app.register(routes(ctx));
  };
}
