// The activities module's public face: routes, the reminder job, demo data.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context';
import { registerActivityReminderJob } from './activity-reminders';
import { activityRoutes } from './activity.routes';
import { hoursRoutes } from './hours.routes';

export { ACTIVITY_REMINDER_JOB } from './activity.service';
export { sendActivityReminders } from './activity-reminders';
export { activityManageScope } from './activity.policy';

/** Activities, check-in, hours, certificates and station figures under /api/v1. */
export function activitiesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const routes of [activityRoutes, hoursRoutes]) await app.register(routes(ctx));
  };
}

/** Job handlers: reminders before an activity starts. */
export function registerActivityJobs(ctx: AppContext): void {
  registerActivityReminderJob(ctx);
}
