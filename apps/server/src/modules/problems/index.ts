// The problems module's public face: routes, job handlers, the create function other modules call, demo data.
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { onRegionPathsMoved } from '../org';
import { registerProblemDeadlineJob } from './problem-deadlines';
import { registerProblemExportJob } from './problem-export';
import { problemScope, syncProblemRegionPaths } from './problem.policy';
import { problemSetupRoutes, problemToolRoutes } from './problem-extra.routes';
import { myReportRoutes } from './my-reports.routes';
import { problemRoutes } from './problem.routes';
import { residentReportRoutes } from './resident-report.routes';

export { type CreatedProblem, type NewProblemInput, createProblemInTx, routeProblem } from './problem-create.service';
export { PROBLEM_DEADLINE_JOB, scanProblemDeadlines, scheduleProblemScan } from './problem-deadlines';
export { getProblemSettings } from './problem-settings.service';
export { findCategories } from './problem-category.service';
export { syncProblemRegionPaths } from './problem.policy';
export { problemScope } from './problem.policy';
export { findNearestGrid } from './resident-report.service';
export { seedDemoProblems } from './demo/seed-problems';

/** Problems, their transitions, export, notices and the public resident report under /api/v1. */
export function problemsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  // A problem's photos are read through /files/{id} only by those who may see the problem (as /problems/{id}/photos).
  ctx.files.registerAttachment({
    name: 'problem_photo',
    attached: (tenantId, fileId) =>
      sql`EXISTS (SELECT 1 FROM problem_photo ph WHERE ph.tenant_id = ${tenantId} AND ph.file_id = ${fileId})`,
    visible: (actor, fileId) => sql`EXISTS (SELECT 1 FROM problem_photo ph
      JOIN problem p ON p.tenant_id = ph.tenant_id AND p.id = ph.problem_id
      WHERE ph.tenant_id = ${actor.tenantId} AND ph.file_id = ${fileId} AND ${problemScope(actor, 'problem.read')})`,
  });
  // A region merge moves subtrees: the problems' copies of the region path follow inside the same transaction.
  onRegionPathsMoved(syncProblemRegionPaths);
  return async (app) => {
    for (const routes of [problemRoutes, problemToolRoutes, problemSetupRoutes, residentReportRoutes, myReportRoutes])
      await app.register(routes(ctx));
  };
}

/** Job handlers: the hourly deadline run (reminders, overdue flags, escalations) and large exports. */
export function registerProblemJobs(ctx: AppContext): void {
  registerProblemDeadlineJob(ctx);
  registerProblemExportJob(ctx);
}
