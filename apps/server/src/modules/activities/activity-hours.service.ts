// Hours of an activity: the organiser closes forgotten check-outs (flagged), corrects times (audited with a reason)
// and confirms hours before they count (谁记录谁证明); confirmed hours add to the volunteer and the time bank.
import { sqlTime } from '../../platform/sql';
import { minutesBetween, roundServiceHours } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { paidOrderHours } from '../timebank';
import { getVolunteerSettings } from '../volunteers';
import { getActivity } from './activity.service';
import { depositActivityHours } from './hours-deposit';

async function lockSignup(tx: Db, tenantId: string, activityId: string, volunteerId: string) {
  const res =
    await tx.execute(sql`SELECT status, check_in_at, check_out_at, minutes, hours, hours_status, closed_by_organiser
    FROM activity_signup WHERE tenant_id = ${tenantId} AND activity_id = ${activityId} AND volunteer_id = ${volunteerId}
    FOR UPDATE`);
  const row = res.rows[0] as any;
  if (!row) throw fail('SIGNUP_NOT_FOUND');
  return row;
}

/** Close a forgotten check-out at the given time (default: the activity's end, or now if earlier); flagged. */
export async function closeCheckout(db: Db, actor: Actor, activityId: string, volunteerId: string, at?: Date) {
  const a = await getActivity(db, actor, activityId, 'activity.manage');
  const { rounding } = await getVolunteerSettings(db, actor.tenantId);
  await db.transaction(async (tx) => {
    const row = await lockSignup(tx, actor.tenantId, activityId, volunteerId);
    if (!row.check_in_at) throw fail('CHECKIN_REQUIRED');
    if (row.check_out_at) throw fail('CHECKOUT_ALREADY_DONE');
    const checkIn = new Date(row.check_in_at);
    const out = at ?? new Date(Math.min(actor.now.getTime(), new Date(a.endsAt).getTime()));
    if (out.getTime() <= checkIn.getTime())
      throw fail('VALIDATION_FAILED', { fieldKeys: [{ field: 'checkOutAt', key: 'after_start' }] });
    const minutes = minutesBetween(checkIn, out);
    const hours = roundServiceHours(minutes, rounding);
    await tx.execute(sql`UPDATE activity_signup SET check_out_at = ${out.toISOString()}, closed_by_organiser = true,
      minutes = ${minutes}, hours = ${hours}, hours_status = 'pending'
      WHERE tenant_id = ${actor.tenantId} AND activity_id = ${activityId} AND volunteer_id = ${volunteerId}`);
    await writeAudit(tx, actor, {
      action: 'activity.close_checkout',
      objectType: 'activity',
      objectId: activityId,
      after: { volunteerId, checkOutAt: out.toISOString(), minutes, hours },
    });
  });
  return { activityId, volunteerId };
}

/** Correct the check-in and check-out times of unconfirmed hours, with a reason kept in the audit log. */
export async function correctAttendance(
  db: Db,
  actor: Actor,
  activityId: string,
  volunteerId: string,
  body: { checkInAt: Date; checkOutAt: Date; reason: string },
) {
  await getActivity(db, actor, activityId, 'activity.manage');
  const { rounding } = await getVolunteerSettings(db, actor.tenantId);
  await db.transaction(async (tx) => {
    const row = await lockSignup(tx, actor.tenantId, activityId, volunteerId);
    if (row.status !== 'signed_up') throw fail('ACTIVITY_NOT_SIGNED_UP');
    if (row.hours_status === 'confirmed') throw fail('HOURS_ALREADY_CONFIRMED');
    const minutes = minutesBetween(body.checkInAt, body.checkOutAt);
    const hours = roundServiceHours(minutes, rounding);
    await tx.execute(sql`UPDATE activity_signup SET check_in_at = ${body.checkInAt.toISOString()},
      check_out_at = ${body.checkOutAt.toISOString()}, minutes = ${minutes}, hours = ${hours}, hours_status = 'pending'
      WHERE tenant_id = ${actor.tenantId} AND activity_id = ${activityId} AND volunteer_id = ${volunteerId}`);
    await writeAudit(tx, actor, {
      action: 'activity.correct_hours',
      objectType: 'activity',
      objectId: activityId,
      before: { volunteerId, checkInAt: row.check_in_at, checkOutAt: row.check_out_at, hours: row.hours },
      after: { volunteerId, checkInAt: body.checkInAt, checkOutAt: body.checkOutAt, hours, reason: body.reason },
    });
  });
  return { activityId, volunteerId };
}

/**
 * Confirm pending hours (all, or the named volunteers'). Each record is confirmed once: the conditional
 * update makes a double click or a concurrent confirmation count the hours a single time.
 */
export async function confirmHours(db: Db, actor: Actor, activityId: string, volunteerIds?: string[]) {
  await getActivity(db, actor, activityId, 'hours.confirm');
  return db.transaction(async (tx) => {
    const res =
      await tx.execute(sql`UPDATE activity_signup SET hours_status = 'confirmed', confirmed_by = ${actor.accountId},
        confirmed_at = ${sqlTime(actor.now)}
      WHERE tenant_id = ${actor.tenantId} AND activity_id = ${activityId} AND hours_status = 'pending'
        ${volunteerIds ? sql`AND volunteer_id = ANY(${sql.param(volunteerIds)}::uuid[])` : sql``}
      RETURNING volunteer_id, hours`);
    const rows = (res.rows as { volunteer_id: string; hours: string | number }[]).map((r) => ({
      volunteerId: r.volunteer_id,
      hours: Number(r.hours),
    }));
    if (!rows.length) throw fail('HOURS_NOTHING_PENDING');
    for (const r of rows) {
      await tx.execute(sql`UPDATE volunteer SET confirmed_hours = confirmed_hours + ${r.hours}
        WHERE tenant_id = ${actor.tenantId} AND id = ${r.volunteerId}`);
      await depositActivityHours(tx, actor, activityId, r.volunteerId, r.hours);
    }
    await writeAudit(tx, actor, {
      action: 'activity.confirm_hours',
      objectType: 'activity',
      objectId: activityId,
      after: { confirmed: rows },
    });
    return { confirmed: rows.length, hours: Math.round(rows.reduce((s, r) => s + r.hours, 0) * 10) / 10 };
  });
}

/** The signed-in volunteer's service records: activities with attendance and hours, newest first. */
/**
 * 我的服务时长: the activities I checked in to and the service orders paid to me, newest first. Confirmed rows sum
 * to the volunteer's confirmed hours and to what the time bank paid for service (one definition of service hours).
 */
export async function listMyHours(db: Db, actor: Actor, volunteerId: string) {
  const res =
    await db.execute(sql`SELECT a.id, a.title, a.type, a.starts_at, a.ends_at, su.check_in_at, su.check_out_at,
      su.minutes, su.hours, su.hours_status, su.closed_by_organiser, su.confirmed_at
    FROM activity_signup su JOIN activity a ON a.tenant_id = su.tenant_id AND a.id = su.activity_id
    WHERE su.tenant_id = ${actor.tenantId} AND su.volunteer_id = ${volunteerId} AND su.check_in_at IS NOT NULL
    ORDER BY a.starts_at DESC LIMIT 200`);
  const activities = res.rows.map((r: any) => ({
    source: 'activity' as const,
    activityId: r.id as string | null,
    orderId: null as string | null,
    orderNumber: null as string | null,
    title: r.title as string,
    type: r.type as string,
    startsAt: new Date(r.starts_at).toISOString(),
    checkInAt: r.check_in_at ? new Date(r.check_in_at).toISOString() : null,
    checkOutAt: r.check_out_at ? new Date(r.check_out_at).toISOString() : null,
    minutes: r.minutes === null ? null : Number(r.minutes),
    hours: r.hours === null ? null : Number(r.hours),
    hoursStatus: r.hours_status as 'none' | 'pending' | 'confirmed',
    closedByOrganiser: r.closed_by_organiser as boolean,
    confirmedAt: r.confirmed_at ? new Date(r.confirmed_at).toISOString() : null,
  }));
  const orders = (await paidOrderHours(db, actor.tenantId, volunteerId)).map((o) => ({
    source: 'order' as const,
    activityId: null,
    orderId: o.orderId,
    orderNumber: o.number,
    title: o.title,
    type: 'service_order',
    startsAt: o.paidAt,
    checkInAt: null,
    checkOutAt: null,
    minutes: null,
    hours: o.hours,
    hoursStatus: 'confirmed' as const,
    closedByOrganiser: false,
    confirmedAt: o.paidAt,
  }));
  return [...activities, ...orders].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
}
