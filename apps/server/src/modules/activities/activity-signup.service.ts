// Sign-up and waitlist. The activity row is locked for each sign-up and cancellation, so concurrent sign-ups
// never exceed the limit, and a cancellation promotes the earliest waitlisted volunteer in the same transaction.
import { sqlTime } from '../../platform/sql';
import type { SignupView } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { queryPage } from '../../platform/paging';
import { requireMyVolunteerId } from '../volunteers';

import { getActivity } from './activity.service';
import { isoOrNull } from '../../platform/clock';

export function toSignupView(r: any): SignupView {
  return {
    activityId: r.activity_id,
    volunteerId: r.volunteer_id,
    volunteerNumber: r.number,
    name: r.name,
    status: r.status,
    waitlistPosition: r.status === 'waitlisted' ? Number(r.waitlist_position) : null,
    signedAt: isoOrNull(r.signed_at)!,
    checkInAt: isoOrNull(r.check_in_at),
    checkOutAt: isoOrNull(r.check_out_at),
    closedByOrganiser: !!r.closed_by_organiser,
    minutes: r.minutes === null || r.minutes === undefined ? null : Number(r.minutes),
    hours: r.hours === null || r.hours === undefined ? null : Number(r.hours),
    hoursStatus: r.hours_status,
    confirmedAt: isoOrNull(r.confirmed_at),
  };
}

/** Lock the activity row for a sign-up change; answers its recruiting facts. */
export async function lockActivity(tx: Db, tenantId: string, id: string) {
  const res = await tx.execute(sql`SELECT id, status, recruit_limit, required_skills, team_id, team_only, title,
      starts_at, ends_at, lat, lng, radius_m, qr_secret
    FROM activity WHERE tenant_id = ${tenantId} AND id = ${id} FOR UPDATE`);
  if (!res.rows[0]) throw fail('ACTIVITY_NOT_FOUND');
  return res.rows[0] as any;
}

async function assertEligible(tx: Db, tenantId: string, a: any, volunteerId: string) {
  const required: string[] = Array.isArray(a.required_skills) ? a.required_skills : [];
  if (required.length) {
    const ok = await tx.execute(sql`SELECT 1 FROM volunteer WHERE tenant_id = ${tenantId} AND id = ${volunteerId}
      AND skills @> ${sql.param(required)}::text[]`);
    if (!ok.rows.length) throw fail('ACTIVITY_NOT_ELIGIBLE_SKILLS', { requiredSkills: required });
  }
  if (a.team_only) {
    const ok = await tx.execute(sql`SELECT 1 FROM team_member WHERE tenant_id = ${tenantId} AND team_id = ${a.team_id}
      AND volunteer_id = ${volunteerId} AND status = 'active'`);
    if (!ok.rows.length) throw fail('ACTIVITY_NOT_ELIGIBLE_TEAM');
  }
}

/** The signed-in volunteer signs up: a place while the limit allows, else the waitlist. */
export async function signUp(db: Db, actor: Actor, activityId: string) {
  await getActivity(db, actor, activityId);
  const me = await requireMyVolunteerId(db, actor);
  if (me.status !== 'active') throw fail('VOLUNTEER_NOT_ACTIVE');
  await db.transaction(async (tx) => {
    const a = await lockActivity(tx, actor.tenantId, activityId);
    if (a.status !== 'published') throw fail('ACTIVITY_CANCELLED');
    if (new Date(a.ends_at).getTime() <= actor.now.getTime()) throw fail('ACTIVITY_ENDED');
    const existing = await tx.execute(sql`SELECT status FROM activity_signup WHERE tenant_id = ${actor.tenantId}
      AND activity_id = ${activityId} AND volunteer_id = ${me.id}`);
    const prior = (existing.rows[0] as { status: string } | undefined)?.status;
    if (prior && prior !== 'cancelled') throw fail('ACTIVITY_ALREADY_SIGNED_UP');
    await assertEligible(tx, actor.tenantId, a, me.id);
    const taken =
      await tx.execute(sql`SELECT count(*)::int AS n FROM activity_signup WHERE tenant_id = ${actor.tenantId}
      AND activity_id = ${activityId} AND status = 'signed_up'`);
    const status = Number((taken.rows[0] as { n: number }).n) < a.recruit_limit ? 'signed_up' : 'waitlisted';
    // clock_timestamp(), not now(): taken under the activity lock, so the waitlist order is the order of the lock.
    await tx.execute(sql`INSERT INTO activity_signup (tenant_id, activity_id, volunteer_id, status, signed_at)
      VALUES (${actor.tenantId}, ${activityId}, ${me.id}, ${status}, clock_timestamp())
      ON CONFLICT (tenant_id, activity_id, volunteer_id) DO UPDATE SET status = EXCLUDED.status, signed_at = EXCLUDED.signed_at,
        cancelled_at = NULL, promoted_at = NULL`);
    await writeAudit(tx, actor, {
      action: 'activity.signup',
      objectType: 'activity',
      objectId: activityId,
      after: { volunteerId: me.id, status },
    });
  });
  return getActivity(db, actor, activityId);
}

/** Move the earliest waitlisted volunteer into a freed place, with a notice; inside the caller's locked transaction. */
async function promoteNext(tx: Db, actor: Actor, a: any) {
  const res = await tx.execute(sql`UPDATE activity_signup SET status = 'signed_up', promoted_at = ${sqlTime(actor.now)}
    WHERE tenant_id = ${actor.tenantId} AND activity_id = ${a.id} AND volunteer_id = (
      SELECT volunteer_id FROM activity_signup WHERE tenant_id = ${actor.tenantId} AND activity_id = ${a.id}
        AND status = 'waitlisted' ORDER BY signed_at, volunteer_id LIMIT 1)
    RETURNING volunteer_id`);
  const promoted = (res.rows[0] as { volunteer_id: string } | undefined)?.volunteer_id;
  if (!promoted) return null;
  await tx.execute(sql`INSERT INTO activity_notice (tenant_id, id, activity_id, volunteer_id, kind, title, body)
    VALUES (${actor.tenantId}, ${newId()}, ${a.id}, ${promoted}, 'promoted', ${`候补成功：${a.title}`},
      ${'有人取消报名，您已由候补转为正式报名，请按时参加。'})
    ON CONFLICT DO NOTHING`);
  await writeAudit(tx, actor, {
    action: 'activity.promote',
    objectType: 'activity',
    objectId: a.id,
    after: { volunteerId: promoted },
  });
  return promoted;
}

/** The signed-in volunteer cancels; a freed place goes to the first on the waitlist. */
export async function cancelSignUp(db: Db, actor: Actor, activityId: string) {
  await getActivity(db, actor, activityId);
  const me = await requireMyVolunteerId(db, actor);
  await db.transaction(async (tx) => {
    const a = await lockActivity(tx, actor.tenantId, activityId);
    const res = await tx.execute(sql`SELECT status, check_in_at FROM activity_signup WHERE tenant_id = ${actor.tenantId}
      AND activity_id = ${activityId} AND volunteer_id = ${me.id}`);
    const row = res.rows[0] as { status: string; check_in_at: unknown } | undefined;
    if (!row || row.status === 'cancelled') throw fail('ACTIVITY_NOT_SIGNED_UP');
    if (row.check_in_at) throw fail('CHECKIN_ALREADY_DONE');
    await tx.execute(sql`UPDATE activity_signup SET status = 'cancelled', cancelled_at = ${sqlTime(actor.now)}
      WHERE tenant_id = ${actor.tenantId} AND activity_id = ${activityId} AND volunteer_id = ${me.id}`);
    await writeAudit(tx, actor, {
      action: 'activity.cancel_signup',
      objectType: 'activity',
      objectId: activityId,
      after: { volunteerId: me.id },
    });
    if (row.status === 'signed_up') await promoteNext(tx, actor, a);
  });
  return getActivity(db, actor, activityId);
}

/** Sign-ups of an activity the actor organises, with attendance and hours. */
export async function listSignups(
  db: Db,
  actor: Actor,
  activityId: string,
  f: { page: number; pageSize: number; status?: string },
) {
  await getActivity(db, actor, activityId, 'activity.manage');
  return queryPage(
    db,
    {
      columns: sql`su.*, v.number, v.name, (SELECT count(*)::int FROM activity_signup w WHERE w.tenant_id = su.tenant_id
        AND w.activity_id = su.activity_id AND w.status = 'waitlisted'
        AND (w.signed_at, w.volunteer_id) <= (su.signed_at, su.volunteer_id)) AS waitlist_position`,
      from: sql`activity_signup su JOIN volunteer v ON v.tenant_id = su.tenant_id AND v.id = su.volunteer_id`,
      where: sql`su.tenant_id = ${actor.tenantId} AND su.activity_id = ${activityId}
        ${f.status ? sql`AND su.status = ${f.status}` : sql``}`,
      orderBy: sql`su.status, su.signed_at, su.volunteer_id`,
    },
    f,
    toSignupView,
  );
}

/** Notices (reminders, promotions) of the signed-in volunteer, newest first. */
export async function listMyNotices(db: Db, actor: Actor) {
  const me = await requireMyVolunteerId(db, actor);
  const res = await db.execute(sql`SELECT n.id, n.activity_id, n.kind, n.title, n.body, n.created_at, n.read_at
    FROM activity_notice n WHERE n.tenant_id = ${actor.tenantId} AND n.volunteer_id = ${me.id}
    ORDER BY n.created_at DESC LIMIT 50`);
  return res.rows.map((r: any) => ({
    id: r.id,
    activityId: r.activity_id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    createdAt: isoOrNull(r.created_at),
    readAt: isoOrNull(r.read_at),
  }));
}
