// The inspections module's public face: routes (plans, teams, the phone's inspection APIs, questionnaires) and demo data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { inspectionRoutes } from './inspection.routes';
import { planRoutes } from './plan.routes';
import { publicSurveyRoutes, surveyRoutes } from './survey.routes';
import { teamRoutes } from './team.routes';

export { seedDemoInspections } from './demo/seed-inspections';

/** Inspection plans, teams, inspections and questionnaires under /api/v1. */
export function inspectionsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const routes of [planRoutes, teamRoutes, inspectionRoutes, surveyRoutes, publicSurveyRoutes])
      await app.register(routes(ctx));
  };
}
