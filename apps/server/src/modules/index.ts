import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../platform/context';
import { auditRoutes } from './audit/audit.routes';
import { campaignsRoutes, registerCampaignJobs } from './campaigns';
import { authRoutes } from './auth/auth.routes';
import { frameworksRoutes } from './frameworks';
import { accountRoutes } from './org/account.routes';
import { registerOrgImportJobs } from './org/org-import';
import { orgImportRoutes } from './org/org-import.routes';
import { registerPointImportJob } from './org/point-import';
import { gridRoutes } from './org/grid.routes';
import { pairingRoutes } from './org/pairing.routes';
import { pointRoutes } from './org/point.routes';
import { siteRoutes } from './org/site.routes';
import { orgStatsRoutes } from './org/stats.routes';
import { personRoutes } from './org/person.routes';
import { regionRoutes } from './org/region.routes';
import { regionShapeRoutes } from './org/region-shape.routes';
import { unitRoutes } from './org/unit.routes';
import { platformRoutes } from './platform/platform.routes';
import { problemsRoutes, registerProblemJobs } from './problems';
import { inspectionsRoutes } from './inspections';
import { registerVolunteerJobs, volunteersRoutes } from './volunteers';
import { activitiesRoutes, registerActivityJobs } from './activities';
import { evaluationsRoutes, registerEvaluationJobs } from './evaluations';
import { bulletinRoutes } from './evaluations/bulletin.routes';
import { timebankModuleRoutes } from './timebank';
import { communityRoutes } from './community';
import { workbenchRoutes } from './workbench';
import { ordersRoutes, registerOrderJobs } from './orders';

/** Every module's routes under /api/v1. */
export function registerModules(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const modules = [
      authRoutes,
      platformRoutes,
      auditRoutes,
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
      frameworksRoutes,
      campaignsRoutes,
      problemsRoutes,
      inspectionsRoutes,
      volunteersRoutes,
      activitiesRoutes,
      evaluationsRoutes,
      bulletinRoutes,
      timebankModuleRoutes,
      communityRoutes,
      ordersRoutes,
      workbenchRoutes,
    ];
    for (const routes of modules) {
      await app.register(routes(ctx));
    }
  };
}

/** Background job handlers of every module. */
export function registerJobs(ctx: AppContext): void {
  registerOrgImportJobs(ctx);
  registerPointImportJob(ctx);
  registerCampaignJobs(ctx);
  registerProblemJobs(ctx);
  registerOrderJobs(ctx);
  registerVolunteerJobs(ctx);
  registerActivityJobs(ctx);
  registerEvaluationJobs(ctx);
}
