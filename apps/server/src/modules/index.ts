import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../platform/context';
import { auditRoutes } from './audit';
import { campaignsRoutes, registerCampaignJobs } from './campaigns';
import { authRoutes } from './auth';
import { orgRoutes, registerOrgJobs } from './org';
import { frameworksRoutes } from './frameworks';
import { platformRoutes } from './platform';
import { problemsRoutes, registerProblemJobs } from './problems';
import { inspectionsRoutes } from './inspections';
import { registerVolunteerJobs, volunteersRoutes } from './volunteers';
import { activitiesRoutes, registerActivityJobs } from './activities';
import { evaluationsRoutes, registerEvaluationJobs } from './evaluations';
import { timebankModuleRoutes } from './timebank';
import { communityRoutes } from './community';
import { workbenchRoutes } from './workbench';
import { ordersRoutes, registerOrderJobs } from './orders';
import { selectionsRoutes } from './selections';
import { venuesRoutes } from './venues';
import { newsRoutes } from './news';

/** Every module's routes under /api/v1. */
export function registerModules(ctx: AppContext): FastifyPluginAsync {
  return async (app) => {
    const modules = [
      authRoutes,
      platformRoutes,
      auditRoutes,
      orgRoutes,
      frameworksRoutes,
      campaignsRoutes,
      problemsRoutes,
      inspectionsRoutes,
      volunteersRoutes,
      activitiesRoutes,
      evaluationsRoutes,
      timebankModuleRoutes,
      communityRoutes,
      ordersRoutes,
      workbenchRoutes,
      selectionsRoutes,
      venuesRoutes,
      newsRoutes,
    ];
    for (const routes of modules) {
      await app.register(routes(ctx));
    }
  };
}

/** Background job handlers of every module. */
export function registerJobs(ctx: AppContext): void {
  registerOrgJobs(ctx);
  registerCampaignJobs(ctx);
  registerProblemJobs(ctx);
  registerOrderJobs(ctx);
  registerVolunteerJobs(ctx);
  registerActivityJobs(ctx);
  registerEvaluationJobs(ctx);
}
