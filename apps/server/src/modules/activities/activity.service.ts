// Activities: create (with a reminder job before the start), list, read, cancel.
import { sqlTime } from '../../platform/sql';
import crypto from 'node:crypto';
import type { ActivityBody, ActivityListQuery, ActivityView } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { AppContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { invalidFields, fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { allOf, queryPage } from '../../platform/paging';
import { likePattern } from '../../platform/search-text';
import { assertRegionsExist, assertSiteUsable } from '../volunteers';
import { activityManageScope, activityReadScope, assertTeamUsable } from './activity.policy';
import { toSignupView } from './activity-signup.service';
import { isoOrNull } from '../../platform/clock';

export const ACTIVITY_REMINDER_JOB = 'activities.reminder';
/** Reminders go out this long before the start. */
export const REMINDER_LEAD_MS = 2 * 3600_000;

function columns(actor: Actor) {
  return sql`a.id, a.project_id, p.name AS project_name, a.title, a.type, a.description, a.site_id, s.name AS site_name,
  a.team_id, tm.name AS team_name, a.region_code, a.place, a.lat, a.lng, a.radius_m, a.starts_at, a.ends_at,
  a.recruit_limit, a.required_skills, a.team_only, a.status, a.version,
  (SELECT count(*)::int FROM activity_signup su WHERE su.tenant_id = a.tenant_id AND su.activity_id = a.id AND su.status = 'signed_up') AS signed_up_count,
  (SELECT count(*)::int FROM activity_signup su WHERE su.tenant_id = a.tenant_id AND su.activity_id = a.id AND su.status = 'waitlisted') AS waitlist_count,
  ${can(actor, 'activity.manage') ? activityManageScope(actor) : sql`false`} AS can_manage,
  (SELECT row_to_json(x) FROM (SELECT su.*, v.number, v.name,
      (SELECT count(*)::int FROM activity_signup w WHERE w.tenant_id = su.tenant_id AND w.activity_id = su.activity_id
        AND w.status = 'waitlisted' AND (w.signed_at, w.volunteer_id) <= (su.signed_at, su.volunteer_id)) AS waitlist_position
    FROM activity_signup su JOIN volunteer v ON v.tenant_id = su.tenant_id AND v.id = su.volunteer_id
    WHERE su.tenant_id = a.tenant_id AND su.activity_id = a.id AND v.account_id = ${actor.accountId ?? null}) x) AS my_signup`;
}
const from = sql`activity a
  LEFT JOIN activity_project p ON p.tenant_id = a.tenant_id AND p.id = a.project_id
  LEFT JOIN practice_site s ON s.tenant_id = a.tenant_id AND s.id = a.site_id
  LEFT JOIN volunteer_team tm ON tm.tenant_id = a.tenant_id AND tm.id = a.team_id`;

const arr = (v: unknown) => (Array.isArray(v) ? v : []);

function toView(r: any): ActivityView {
  const mine = typeof r.my_signup === 'string' ? JSON.parse(r.my_signup) : r.my_signup;
  return {
    id: r.id,
    projectId: r.project_id,
    projectName: r.project_name,
    title: r.title,
    type: r.type,
    description: r.description,
    siteId: r.site_id,
    siteName: r.site_name,
    teamId: r.team_id,
    teamName: r.team_name,
    regionCode: r.region_code,
    place: r.place,
    lat: Number(r.lat),
    lng: Number(r.lng),
    radiusM: r.radius_m,
    startsAt: isoOrNull(r.starts_at)!,
    endsAt: isoOrNull(r.ends_at)!,
    recruitLimit: r.recruit_limit,
    requiredSkills: arr(r.required_skills),
    teamOnly: r.team_only,
    status: r.status,
    signedUpCount: Number(r.signed_up_count),
    waitlistCount: Number(r.waitlist_count),
    mySignup: mine ? toSignupView(mine) : null,
    canManage: !!r.can_manage,
    version: r.version,
  };
}

/** Activities the actor may read, soonest first for upcoming ones, latest first otherwise. */
export async function listActivities(db: Db, actor: Actor, f: ActivityListQuery) {
  const where = allOf(
    sql`a.tenant_id = ${actor.tenantId}`,
    activityReadScope(actor),
    f.q ? sql`a.title LIKE ${likePattern(f.q)}` : null,
    f.siteId ? sql`a.site_id = ${f.siteId}` : null,
    f.teamId ? sql`a.team_id = ${f.teamId}` : null,
    f.type ? sql`a.type = ${f.type}` : null,
    f.when === 'upcoming' ? sql`a.ends_at > ${sqlTime(actor.now)} AND a.status = 'published'` : null,
    f.when === 'past' ? sql`a.ends_at <= ${sqlTime(actor.now)}` : null,
    f.from ? sql`a.ends_at >= (${f.from}::date::timestamp AT TIME ZONE 'Asia/Shanghai')` : null,
    f.to ? sql`a.starts_at < ((${f.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')` : null,
    f.mine
      ? sql`EXISTS (SELECT 1 FROM activity_signup su JOIN volunteer v ON v.tenant_id = su.tenant_id AND v.id = su.volunteer_id
          WHERE su.tenant_id = a.tenant_id AND su.activity_id = a.id AND v.account_id = ${actor.accountId ?? null}
            AND su.status <> 'cancelled')`
      : null,
  );
  const orderBy = f.when === 'upcoming' ? sql`a.starts_at, a.id` : sql`a.starts_at DESC, a.id`;
  return queryPage(db, { columns: columns(actor), from, where, orderBy }, f, toView);
}

/** One activity the actor may read (404 otherwise); `manage` requires the organising scope. */
export async function getActivity(db: Db, actor: Actor, id: string, manage?: 'activity.manage' | 'hours.confirm') {
  if (manage) requirePermission(actor, manage);
  const scope = manage ? activityManageScope(actor, manage) : activityReadScope(actor);
  const res = await db.execute(sql`SELECT ${columns(actor)} FROM ${from}
    WHERE a.tenant_id = ${actor.tenantId} AND a.id = ${id} AND ${scope}`);
  if (!res.rows[0]) throw fail('ACTIVITY_NOT_FOUND');
  return toView(res.rows[0]);
}

async function assertProjectUsable(db: Db, actor: Actor, projectId: string) {
  const res = await db.execute(sql`SELECT 1 FROM activity_project a WHERE a.tenant_id = ${actor.tenantId}
    AND a.id = ${projectId} AND ${activityManageScope(actor)}`);
  if (!res.rows.length) throw invalidFields([{ field: 'projectId', key: 'invalid_value' }]);
}

/** Create an activity of a site or team in scope, with its own check-in secret and a reminder job. */
export async function createActivity(ctx: AppContext, actor: Actor, body: ActivityBody) {
  requirePermission(actor, 'activity.manage');
  if (body.siteId) await assertSiteUsable(ctx.db, actor, body.siteId, 'activity.manage');
  if (body.teamId) await assertTeamUsable(ctx.db, actor, body.teamId);
  if (body.projectId) await assertProjectUsable(ctx.db, actor, body.projectId);
  await assertRegionsExist(ctx.db, actor.tenantId, [body.regionCode], 'regionCode');
  const id = body.id ?? newId();
  await ctx.db.transaction(async (tx) => {
    const res = await tx.execute(sql`INSERT INTO activity (tenant_id, id, project_id, title, type, description, site_id,
      team_id, region_code, place, lat, lng, radius_m, starts_at, ends_at, recruit_limit, required_skills, team_only,
      qr_secret, created_by)
      VALUES (${actor.tenantId}, ${id}, ${body.projectId ?? null}, ${body.title}, ${body.type}, ${body.description ?? null},
        ${body.siteId ?? null}, ${body.teamId ?? null}, ${body.regionCode}, ${body.place}, ${body.lat}, ${body.lng},
        ${body.radiusM}, ${body.startsAt.toISOString()}, ${body.endsAt.toISOString()}, ${body.recruitLimit},
        ${sql.param(body.requiredSkills)}::text[], ${body.teamOnly}, ${crypto.randomBytes(32).toString('base64url')},
        ${actor.accountId})
      ON CONFLICT DO NOTHING RETURNING id`);
    if (!res.rows.length) return; // a resend with the same client id
    const visible = await tx.execute(sql`SELECT 1 FROM activity a WHERE a.tenant_id = ${actor.tenantId} AND a.id = ${id}
      AND ${activityManageScope(actor)}`);
    if (!visible.rows.length) throw invalidFields([{ field: 'regionCode', key: 'outside_scope' }]);
    const runAt = new Date(Math.max(actor.now.getTime(), body.startsAt.getTime() - REMINDER_LEAD_MS));
    if (body.startsAt.getTime() > actor.now.getTime())
      await ctx.jobs.enqueue(tx, actor.tenantId, ACTIVITY_REMINDER_JOB, { activityId: id }, { runAt });
    await writeAudit(tx, actor, { action: 'activity.create', objectType: 'activity', objectId: id, after: body });
  });
  return getActivity(ctx.db, actor, id);
}

/** Cancel an activity (organiser in scope); sign-ups stay for the record. */
export async function cancelActivity(db: Db, actor: Actor, id: string) {
  const before = await getActivity(db, actor, id, 'activity.manage');
  await db.transaction(async (tx) => {
    const res = await tx.execute(sql`UPDATE activity SET status = 'cancelled', version = version + 1
      WHERE tenant_id = ${actor.tenantId} AND id = ${id} AND status = 'published' RETURNING id`);
    if (!res.rows.length) throw fail('ACTIVITY_CANCELLED');
    await writeAudit(tx, actor, {
      action: 'activity.cancel',
      objectType: 'activity',
      objectId: id,
      before: { status: before.status },
    });
  });
  return getActivity(db, actor, id);
}
