// The inspections module's public face: routes (plans, teams, the phone's inspection APIs, questionnaires) and demo data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../platform/context';
import { inspectionReadable } from './inspection.policy';
import { inspectionRoutes } from './inspection.routes';
import { planRoutes } from './plan.routes';
import { publicSurveyRoutes, surveyRoutes } from './survey.routes';
import { teamRoutes } from './team.routes';

export { seedDemoInspections } from './demo/seed-inspections';
export { loadChecklist } from './checklist.service';

/** Inspection plans, teams, inspections and questionnaires under /api/v1. */
export function inspectionsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  // A finding's photo is read through /files/{id} only by those who may read its inspection (the plan's planners and
  // teams, its inspector, readers of the point's region while the plan is not hidden).
  ctx.files.registerAttachment({
    name: 'inspection_photo',
    attached: (tenantId, fileId) => sql`EXISTS (SELECT 1 FROM inspection_observation o
      WHERE o.tenant_id = ${tenantId} AND o.photo_file_ids @> ARRAY[${fileId}])`,
    visible: (actor, fileId) => sql`EXISTS (SELECT 1 FROM inspection_observation o
      JOIN inspection i ON i.tenant_id = o.tenant_id AND i.id = o.inspection_id
      JOIN inspection_plan p ON p.tenant_id = i.tenant_id AND p.id = i.plan_id
      WHERE o.tenant_id = ${actor.tenantId} AND o.photo_file_ids @> ARRAY[${fileId}] AND ${inspectionReadable(actor)})`,
  });
  return async (app) => {
    for (const routes of [planRoutes, teamRoutes, inspectionRoutes, surveyRoutes, publicSurveyRoutes])
      await app.register(routes(ctx));
  };
}
