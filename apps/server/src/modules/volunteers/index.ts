// The volunteers module's public face: routes, jobs, and what other modules (activities, orders) may call.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { teamRoutes } from './team.routes';
import { registerVolunteerImportJob } from './volunteer-import';
import { volunteerImportRoutes } from './volunteer-import.routes';
import { volunteerRoutes } from './volunteer.routes';

export { getVolunteerSettings, type VolunteerSettings } from './volunteer-settings.service';
export { findMyVolunteer, getVolunteer, requireMyVolunteerId } from './volunteer.service';
export { assertRegionsExist, assertSiteUsable, grantSiteOf, teamScope, volunteerScope } from './volunteer.policy';
export { insertVolunteers, type NewVolunteer } from './volunteer.repository';
export { seedDemoVolunteers } from './demo/seed-volunteers';

/** Volunteers, their import/export, and teams under /api/v1. */
export function volunteersRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const routes of [volunteerRoutes, volunteerImportRoutes, teamRoutes]) await app.register(routes(ctx));
  };
}

/** Job handlers: the Excel import of volunteers. */
export function registerVolunteerJobs(ctx: AppContext): void {
  registerVolunteerImportJob(ctx);
}
