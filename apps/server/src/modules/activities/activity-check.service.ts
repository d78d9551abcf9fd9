// QR check-in and check-out: the organiser's screen shows a rotating code; the volunteer scans it on site.
import {
  type ActivityQrView,
  CHECKIN_OPENS_MINUTES,
  CHECKOUT_CLOSES_MINUTES,
  type CheckBody,
  QR_PERIOD_SECONDS,
  minutesBetween,
  roundServiceHours,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { Actor } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { getVolunteerSettings, requireMyVolunteerId } from '../volunteers';
import { getActivity } from './activity.service';
import { distanceMetres, isTokenCurrent, payloadFor, slotOf, tokenFor, tokenOfPayload } from './checkin-token';

/** The current code of an activity for the organiser's screen (refetch before `expiresAt`). */
export async function currentQr(db: Db, actor: Actor, activityId: string, now = actor.now): Promise<ActivityQrView> {
  await getActivity(db, actor, activityId, 'activity.manage');
  const res = await db.execute(
    sql`SELECT qr_secret FROM activity WHERE tenant_id = ${actor.tenantId} AND id = ${activityId}`,
  );
  const secret = (res.rows[0] as { qr_secret: string }).qr_secret;
  const slot = slotOf(now);
  const token = tokenFor(secret, activityId, slot);
  const payload = payloadFor(activityId, token);
  return {
    activityId,
    payload,
    token,
    slot,
    expiresAt: new Date((slot + 1) * QR_PERIOD_SECONDS * 1000).toISOString(),
    svg: await QRCode.toString(payload, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
  };
}

function assertOnSite(a: any, body: CheckBody, now: Date) {
  const { activityId, token } = tokenOfPayload(body.token);
  if ((activityId && activityId !== a.id) || !isTokenCurrent(a.qr_secret, a.id, token, now))
    throw fail('CHECKIN_CODE_INVALID');
  const opens = new Date(a.starts_at).getTime() - CHECKIN_OPENS_MINUTES * 60_000;
  const closes = new Date(a.ends_at).getTime() + CHECKOUT_CLOSES_MINUTES * 60_000;
  if (now.getTime() < opens || now.getTime() > closes)
    throw fail('CHECKIN_OUTSIDE_WINDOW', {
      opensAt: new Date(opens).toISOString(),
      closesAt: new Date(closes).toISOString(),
    });
  const distance = Math.round(distanceMetres(Number(a.lat), Number(a.lng), body.lat, body.lng));
  if (distance > a.radius_m) throw fail('CHECKIN_OUTSIDE_GEOFENCE', { distanceM: distance, radiusM: a.radius_m });
}

/**
 * Check in or out with a scanned code, inside the time window and the geofence. Check-out computes the
 * minutes and the rounded hours, which wait for the organiser's confirmation.
 */
export async function checkInOrOut(db: Db, actor: Actor, activityId: string, body: CheckBody, now = actor.now) {
  await getActivity(db, actor, activityId);
  const me = await requireMyVolunteerId(db, actor);
  const res = await db.execute(sql`SELECT id, status, starts_at, ends_at, lat, lng, radius_m, qr_secret
    FROM activity WHERE tenant_id = ${actor.tenantId} AND id = ${activityId}`);
  const a = res.rows[0] as any;
  if (a.status !== 'published') throw fail('ACTIVITY_CANCELLED');
  assertOnSite(a, body, now);
  const { rounding } = await getVolunteerSettings(db, actor.tenantId);
  await db.transaction(async (tx) => {
    const su = await tx.execute(sql`SELECT status, check_in_at, check_out_at FROM activity_signup
      WHERE tenant_id = ${actor.tenantId} AND activity_id = ${activityId} AND volunteer_id = ${me.id} FOR UPDATE`);
    const row = su.rows[0] as { status: string; check_in_at: unknown; check_out_at: unknown } | undefined;
    if (row?.status !== 'signed_up') throw fail('ACTIVITY_NOT_SIGNED_UP');
    if (body.kind === 'in') {
      if (row.check_in_at) throw fail('CHECKIN_ALREADY_DONE');
      await tx.execute(sql`UPDATE activity_signup SET check_in_at = ${now.toISOString()}, check_in_lat = ${body.lat},
        check_in_lng = ${body.lng} WHERE tenant_id = ${actor.tenantId} AND activity_id = ${activityId} AND volunteer_id = ${me.id}`);
    } else {
      if (!row.check_in_at) throw fail('CHECKIN_REQUIRED');
      if (row.check_out_at) throw fail('CHECKOUT_ALREADY_DONE');
      const minutes = minutesBetween(new Date(row.check_in_at as string), now);
      await tx.execute(sql`UPDATE activity_signup SET check_out_at = ${now.toISOString()}, minutes = ${minutes},
        hours = ${roundServiceHours(minutes, rounding)}, hours_status = 'pending'
        WHERE tenant_id = ${actor.tenantId} AND activity_id = ${activityId} AND volunteer_id = ${me.id}`);
    }
    await writeAudit(tx, actor, {
      action: body.kind === 'in' ? 'activity.check_in' : 'activity.check_out',
      objectType: 'activity',
      objectId: activityId,
      after: { volunteerId: me.id, at: now.toISOString(), lat: body.lat, lng: body.lng },
    });
  });
  return getActivity(db, actor, activityId);
}
