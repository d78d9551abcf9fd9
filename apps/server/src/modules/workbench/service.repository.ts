// The workbench's reads over volunteering: service orders, activities and hours, and the time bank. The centre's
// counts go through the orders and activities modules' scopes; a volunteer's or resident's through their own rows.
import type { Permission } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access';
import { iso } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { one, rows } from '../../platform/sql';
import { activityManageScope } from '../activities';
import { orderScope } from '../orders';
import { volunteerScope } from '../volunteers';
import type { DueRow, StateCount } from './work.repository';

const ORDERS = sql`service_order o LEFT JOIN service_item i ON i.tenant_id = o.tenant_id AND i.id = o.item_id`;

/** Orders in the actor's scope for a permission, counted by status; `own` keeps those the actor placed. */
export async function countOrdersByStatus(db: Db, actor: Actor, permission: Permission, own = false) {
  return rows<StateCount>(
    db,
    sql`SELECT o.status AS code, count(*)::int AS value FROM ${ORDERS}
      WHERE o.tenant_id = ${actor.tenantId} AND ${orderScope(actor, permission)}
        ${own ? sql`AND o.ordered_by = ${actor.accountId}::uuid` : sql``}
      GROUP BY o.status ORDER BY o.status`,
  );
}

/** Orders dispatched to the signed-in volunteer or in their service, and open offers they may grab. */
export async function countVolunteerOrders(db: Db, actor: Actor) {
  return one<{ to_serve: number; to_grab: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE o.volunteer_account_id = ${actor.accountId}::uuid
          AND o.status IN ('dispatched', 'accepted'))::int AS to_serve,
        count(*) FILTER (WHERE o.status = 'offered')::int AS to_grab
      FROM ${ORDERS} WHERE o.tenant_id = ${actor.tenantId} AND ${orderScope(actor, 'order.read')}`,
  );
}

/** Open orders in scope by due time: the centre's (a permission's scope) or the actor's own (placed or served). */
export async function findOrdersDue(db: Db, actor: Actor, permission: Permission, now: Date, own = false) {
  const mine = sql`(o.ordered_by = ${actor.accountId}::uuid OR o.volunteer_account_id = ${actor.accountId}::uuid)`;
  return rows<DueRow>(
    db,
    sql`SELECT o.id, o.number || ' ' || o.title AS title, o.due_at AS due, (o.due_at < ${iso(now)}::timestamptz) AS overdue,
        NULL::uuid AS parent_id
      FROM ${ORDERS} WHERE o.tenant_id = ${actor.tenantId}
        AND o.status IN ('submitted', 'reviewed', 'dispatched', 'offered', 'accepted', 'returned')
        AND ${own ? mine : orderScope(actor, permission)}
      ORDER BY o.due_at, o.id LIMIT 8`,
  );
}

/** Orders created since `from` in the actor's scope for a permission. */
export async function countOrdersSince(db: Db, actor: Actor, permission: Permission, from: Date) {
  const r = await one<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM ${ORDERS} WHERE o.tenant_id = ${actor.tenantId}
      AND o.created_at >= ${iso(from)}::timestamptz AND ${orderScope(actor, permission)}`,
  );
  return r.n;
}

/** The organiser's figures: activities this month, hours waiting for confirmation, confirmed hours this month. */
export async function findOrganiserFigures(db: Db, actor: Actor, from: Date, to: Date) {
  return one<{ activities: number; pending: number; confirmed: number; volunteers: number }>(
    db,
    sql`SELECT
      (SELECT count(*)::int FROM activity a WHERE a.tenant_id = ${actor.tenantId} AND a.status = 'published'
        AND a.starts_at >= ${iso(from)}::timestamptz AND a.starts_at < ${iso(to)}::timestamptz
        AND ${activityManageScope(actor)}) AS activities,
      (SELECT count(*)::int FROM activity_signup s JOIN activity a ON a.tenant_id = s.tenant_id AND a.id = s.activity_id
        WHERE s.tenant_id = ${actor.tenantId} AND s.hours_status = 'pending'
          AND ${activityManageScope(actor, 'hours.confirm')}) AS pending,
      (SELECT coalesce(sum(s.hours), 0)::float8 FROM activity_signup s
        JOIN activity a ON a.tenant_id = s.tenant_id AND a.id = s.activity_id
        WHERE s.tenant_id = ${actor.tenantId} AND s.hours_status = 'confirmed'
          AND s.confirmed_at >= ${iso(from)}::timestamptz AND s.confirmed_at < ${iso(to)}::timestamptz
          AND ${activityManageScope(actor, 'hours.confirm')}) AS confirmed,
      (SELECT count(*)::int FROM volunteer v WHERE v.tenant_id = ${actor.tenantId} AND v.status = 'active'
        AND ${volunteerScope(actor, 'volunteer.manage')}) AS volunteers`,
  );
}

/** The signed-in volunteer's hours (confirmed and pending) and upcoming sign-ups. */
export async function findVolunteerFigures(db: Db, actor: Actor, now: Date) {
  return one<{ confirmed: number; pending: number; upcoming: number }>(
    db,
    sql`SELECT coalesce(sum(s.hours) FILTER (WHERE s.hours_status = 'confirmed'), 0)::float8 AS confirmed,
        coalesce(sum(s.hours) FILTER (WHERE s.hours_status = 'pending'), 0)::float8 AS pending,
        count(*) FILTER (WHERE s.status = 'signed_up' AND a.status = 'published'
          AND a.ends_at >= ${iso(now)}::timestamptz)::int AS upcoming
      FROM activity_signup s JOIN activity a ON a.tenant_id = s.tenant_id AND a.id = s.activity_id
        JOIN volunteer v ON v.tenant_id = s.tenant_id AND v.id = s.volunteer_id
      WHERE s.tenant_id = ${actor.tenantId} AND v.account_id = ${actor.accountId}::uuid`,
  );
}

/** The volunteer's signed-up activities that have not ended, soonest first. */
export async function findMyActivitiesDue(db: Db, actor: Actor, now: Date) {
  return rows<DueRow>(
    db,
    sql`SELECT a.id, a.title, a.starts_at AS due, false AS overdue, NULL::uuid AS parent_id
      FROM activity_signup s JOIN activity a ON a.tenant_id = s.tenant_id AND a.id = s.activity_id
        JOIN volunteer v ON v.tenant_id = s.tenant_id AND v.id = s.volunteer_id
      WHERE s.tenant_id = ${actor.tenantId} AND v.account_id = ${actor.accountId}::uuid AND s.status = 'signed_up'
        AND a.status = 'published' AND a.ends_at >= ${iso(now)}::timestamptz
      ORDER BY a.starts_at, a.id LIMIT 8`,
  );
}

/** Confirmed hours per Shanghai month since `from`: the volunteer's own, or the organiser's scope. */
export async function sumHoursByMonth(db: Db, actor: Actor, from: Date, mine: boolean) {
  const who = mine
    ? sql`EXISTS (SELECT 1 FROM volunteer v WHERE v.tenant_id = s.tenant_id AND v.id = s.volunteer_id
        AND v.account_id = ${actor.accountId}::uuid)`
    : activityManageScope(actor, 'hours.confirm');
  return rows<StateCount>(
    db,
    sql`SELECT to_char(s.confirmed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS code,
        coalesce(sum(s.hours), 0)::float8 AS value
      FROM activity_signup s JOIN activity a ON a.tenant_id = s.tenant_id AND a.id = s.activity_id
      WHERE s.tenant_id = ${actor.tenantId} AND s.hours_status = 'confirmed'
        AND s.confirmed_at >= ${iso(from)}::timestamptz AND ${who}
      GROUP BY 1 ORDER BY 1`,
  );
}

/** The balance in hours of the time-bank accounts the signed-in person owns; null without an account. */
export async function findTimebankBalance(db: Db, actor: Actor): Promise<number | null> {
  const r = await one<{ accounts: number; balance: number }>(
    db,
    sql`SELECT count(DISTINCT a.id)::int AS accounts, coalesce(sum(e.amount), 0)::float8 AS balance
      FROM timebank_account a LEFT JOIN timebank_entry e ON e.tenant_id = a.tenant_id AND e.account_id = a.id
      WHERE a.tenant_id = ${actor.tenantId} AND a.account_id = ${actor.accountId}::uuid`,
  );
  return r.accounts === 0 ? null : Number(r.balance);
}
