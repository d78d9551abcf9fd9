// Figures computed from the data: each station's month (一月一活动) and the office's overview, within scope.
import type { StationMonthRow, VolunteerOverview } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission, scopeFilter } from '../../platform/access';
import type { Db } from '../../platform/db';
import { teamScope, volunteerScope } from '../volunteers';
import { shanghaiMonth, shanghaiMonthBounds as monthBounds, shanghaiYear } from '../../platform/clock';
import { activityReadScope } from './activity.policy';

const siteScope = (actor: Actor) =>
  scopeFilter(actor, 'volunteer.read', { regionCode: sql`s.region_code`, siteId: sql`s.id` });

/** Sites whose region lies under a region code (the list's filter). */
const siteUnderRegion = (tenantId: string, code: string | undefined) =>
  code
    ? sql`AND EXISTS (SELECT 1 FROM region fr, region fp WHERE fr.tenant_id = ${tenantId} AND fr.code = ${code}
        AND fp.tenant_id = ${tenantId} AND fp.code = s.region_code AND fp.path <@ fr.path)`
    : sql``;

/** Each practice site in scope for a month: activities held, volunteers who served, confirmed hours. */
export async function stationMonth(
  db: Db,
  actor: Actor,
  q: { month?: string; regionCode?: string },
): Promise<{ month: string; items: StationMonthRow[] }> {
  requirePermission(actor, 'volunteer.read');
  const month = q.month ?? shanghaiMonth(actor.now);
  const { from, to } = monthBounds(month);
  const res = await db.execute(sql`SELECT s.id, s.name, s.kind, s.region_code,
      count(DISTINCT a.id)::int AS activities,
      count(DISTINCT su.volunteer_id)::int AS active_volunteers,
      coalesce(sum(su.hours) FILTER (WHERE su.hours_status = 'confirmed'), 0) AS hours
    FROM practice_site s
    LEFT JOIN activity a ON a.tenant_id = s.tenant_id AND a.site_id = s.id AND a.status = 'published'
      AND a.starts_at >= ${from.toISOString()} AND a.starts_at < ${to.toISOString()}
    LEFT JOIN activity_signup su ON su.tenant_id = a.tenant_id AND su.activity_id = a.id AND su.check_in_at IS NOT NULL
    WHERE s.tenant_id = ${actor.tenantId} AND ${siteScope(actor)} ${siteUnderRegion(actor.tenantId, q.regionCode)}
    GROUP BY s.id, s.name, s.kind, s.region_code
    ORDER BY count(DISTINCT a.id) DESC, s.region_code, s.name`);
  return {
    month,
    items: (res.rows as any[]).map((r) => ({
      siteId: r.id,
      siteName: r.name,
      siteKind: r.kind,
      regionCode: r.region_code,
      activities: Number(r.activities),
      activeVolunteers: Number(r.active_volunteers),
      hours: Number(r.hours),
      meetsMonthly: Number(r.activities) > 0,
    })),
  };
}

const countsBy = (rows: any[]) => Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));

/** The office's figures: sites by kind, teams by level, registered and active volunteers, hours, activities. */
export async function volunteerOverview(db: Db, actor: Actor, now = actor.now): Promise<VolunteerOverview> {
  requirePermission(actor, 'volunteer.read');
  const t = actor.tenantId;
  const yearStart = monthBounds(`${shanghaiYear(now)}-01`).from;
  const since = new Date(now.getTime() - 365 * 86400_000);
  const [sites, teams, vols, acts] = await Promise.all([
    db.execute(
      sql`SELECT s.kind AS k, count(*)::int AS n FROM practice_site s WHERE s.tenant_id = ${t} AND ${siteScope(actor)} GROUP BY s.kind`,
    ),
    db.execute(
      sql`SELECT tm.level AS k, count(*)::int AS n FROM volunteer_team tm WHERE tm.tenant_id = ${t} AND ${teamScope(actor)} GROUP BY tm.level`,
    ),
    db.execute(sql`SELECT count(*) FILTER (WHERE v.status = 'active')::int AS registered,
        coalesce(sum(v.confirmed_hours), 0) AS hours,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM activity_signup su WHERE su.tenant_id = v.tenant_id
          AND su.volunteer_id = v.id AND su.hours_status = 'confirmed' AND su.check_in_at >= ${since.toISOString()}))::int AS active
      FROM volunteer v WHERE v.tenant_id = ${t} AND ${volunteerScope(actor)}`),
    db.execute(sql`SELECT count(*)::int AS n FROM activity a WHERE a.tenant_id = ${t} AND a.status = 'published'
      AND a.starts_at >= ${yearStart.toISOString()} AND ${activityReadScope(actor)}`),
  ]);
  const v = vols.rows[0] as any;
  return {
    sitesByKind: countsBy(sites.rows),
    teamsByLevel: countsBy(teams.rows),
    registeredVolunteers: Number(v.registered),
    activeVolunteers: Number(v.active),
    confirmedHours: Number(v.hours),
    activitiesThisYear: Number((acts.rows[0] as any).n),
  };
}
