// The reminder job: shortly before an activity starts, every volunteer with a place gets a notice (once each).
import { sql } from 'drizzle-orm';
import { shanghaiDateTime } from '../../platform/clock';
import type { AppContext } from '../../platform/context';
import { sqlTime } from '../../platform/sql';
import { ACTIVITY_REMINDER_JOB } from './activity.service';

const hhmm = (v: unknown) => shanghaiDateTime(v as string).slice(5);

/** Send the reminders of one activity; safe to repeat (one notice per volunteer and kind). */
export async function sendActivityReminders(ctx: AppContext, tenantId: string, activityId: string) {
  return ctx.db.transaction(async (tx) => {
    const res = await tx.execute(sql`SELECT id, title, place, starts_at, status FROM activity
      WHERE tenant_id = ${tenantId} AND id = ${activityId}`);
    const a = res.rows[0] as any;
    if (a?.status !== 'published') return { sent: 0 };
    const sent =
      await tx.execute(sql`INSERT INTO activity_notice (tenant_id, id, activity_id, volunteer_id, kind, title, body)
      SELECT ${tenantId}, gen_random_uuid(), ${activityId}, su.volunteer_id, 'reminder',
        ${`活动提醒：${a.title}`}, ${`活动将于 ${hhmm(a.starts_at)} 在 ${a.place} 开始，请准时到场扫码签到。`}
      FROM activity_signup su WHERE su.tenant_id = ${tenantId} AND su.activity_id = ${activityId} AND su.status = 'signed_up'
      ON CONFLICT DO NOTHING RETURNING volunteer_id`);
    await tx.execute(
      sql`UPDATE activity SET reminder_sent_at = ${sqlTime(ctx.clock.now())} WHERE tenant_id = ${tenantId} AND id = ${activityId}`,
    );
    return { sent: sent.rows.length };
  });
}

/** Register the reminder job handler; call once at startup. */
export function registerActivityReminderJob(ctx: AppContext): void {
  ctx.jobs.register(ACTIVITY_REMINDER_JOB, (job) => sendActivityReminders(ctx, job.tenantId, job.payload.activityId));
}
