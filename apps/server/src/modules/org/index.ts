// The org module's public face: its routes and import jobs, and what other modules read of the organisation
// (responsible units of a place, the region cache) or hook into (region moves).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { accountRoutes } from './account.routes';
import { gridRoutes } from './grid.routes';
import { registerOrgImportJobs } from './org-import';
import { orgImportRoutes } from './org-import.routes';
import { pairingRoutes } from './pairing.routes';
import { registerPointImportJob } from './point-import';
import { pointRoutes } from './point.routes';
import { personRoutes } from './person.routes';
import { regionShapeRoutes } from './region-shape.routes';
import { regionRoutes } from './region.routes';
import { siteRoutes } from './site.routes';
import { orgStatsRoutes } from './stats.routes';
import { unitRoutes } from './unit.routes';

export { type ResponsibleUnit, findResponsibleUnits } from './pairing.service';
export { cachedForRegions } from './region-cache';
export { type RegionPathsMovedHook, onRegionPathsMoved } from './region-hooks';

/** Regions, units, people, accounts, sites, grids, points, pairings, statistics and imports under /api/v1. */
export function orgRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const routes of [
      regionRoutes,
      regionShapeRoutes,
      unitRoutes,
      personRoutes,
      accountRoutes,
      siteRoutes,
      gridRoutes,
      pointRoutes,
      pairingRoutes,
      orgStatsRoutes,
      orgImportRoutes,
    ])
      await app.register(routes(ctx));
  };
}

/** Background jobs of org: the Excel imports of units, people and points. */
export function registerOrgJobs(ctx: AppContext): void {
  registerOrgImportJobs(ctx);
  registerPointImportJob(ctx);
}
