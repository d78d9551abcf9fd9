// The problems module's public face: routes, job handlers, the create function other modules call, demo data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { registerProblemDeadlineJob } from './problem-deadlines';
import { registerProblemExportJob } from './problem-export';
import { problemSetupRoutes, problemToolRoutes } from './problem-extra.routes';
import { myReportRoutes } from './my-reports.routes';
import { problemRoutes } from './problem.routes';
import { residentReportRoutes } from './resident-report.routes';

export { type CreatedProblem, type NewProblemInput, createProblemInTx, routeProblem } from './problem-create.service';
export { PROBLEM_DEADLINE_JOB, scanProblemDeadlines, scheduleProblemScan } from './problem-deadlines';
export { getProblemSettings } from './problem-settings.service';
export { findCategories } from './problem-category.service';
export { iso, syncProblemRegionPaths } from './problem.policy';
export { problemScope } from './problem.policy';
export { findNearestGrid } from './resident-report.service';
export { seedDemoProblems } from './demo/seed-problems';

/** Problems, their transitions, export, notices and the public resident report under /api/v1. */
export function problemsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
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
