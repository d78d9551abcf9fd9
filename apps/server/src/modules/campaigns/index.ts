// The campaigns module's public face: routes, job handlers and demo data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { campaignTaskRoutes } from './campaign-task.routes';
import { campaignRoutes } from './campaign.routes';
import { ledgerRoutes } from './ledger.routes';
import { noticeRoutes } from './notice.routes';
import { registerReminderJob } from './reminders';
import { selfAssessmentRoutes, selfAssessmentScoreRoutes } from './self-assessment.routes';
import { registerTaskImportJob } from './task-import';
import { taskRoutes } from './task.routes';

export { seedDemoCampaigns } from './demo/seed-campaigns';
export { scheduleReminderScan, scanReminders } from './reminders';
export { taskScope } from './campaign.policy';

/** Campaigns, tasks, ledgers, notices and self-assessment under /api/v1. */
export function campaignsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const routes of [
      campaignRoutes,
      campaignTaskRoutes,
      taskRoutes,
      ledgerRoutes,
      noticeRoutes,
      selfAssessmentRoutes,
      selfAssessmentScoreRoutes,
    ])
      await app.register(routes(ctx));
  };
}

/** Job handlers: the task-list import and the periodic reminder run. */
export function registerCampaignJobs(ctx: AppContext): void {
  registerTaskImportJob(ctx);
  registerReminderJob(ctx);
}
