// Reading orders: the list within the reader's scope, one order with its history and photos, and the actions
// the reader may take on it now.
import { sqlTime } from '../../platform/sql';
import {
  type OrderAction,
  type OrderDetailView,
  type OrderListQuery,
  type OrderStatus,
  type OrderView,
  type Page,
  allowedOrderActions,
  finishedOrderStatuses,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, permissionsOf, requirePermission } from '../../platform/access';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { allOf, queryPage } from '../../platform/paging';
import { ORDER_FROM, eligibleOffer, myTeams, offerSkillMatch, orderScope } from './order.policy';
import { isoOrNull } from '../../platform/clock';

/** The actions the viewer may take: the state machine × permissions × being the orderer / the volunteer. */
function viewerActions(actor: Actor, r: any, isTeamMember: boolean): OrderAction[] {
  const mine = r.ordered_by === actor.accountId;
  const serving = r.volunteer_account_id && r.volunteer_account_id === actor.accountId;
  return allowedOrderActions(r.status as OrderStatus, permissionsOf(actor)).filter((a) => {
    if (a === 'accept') return r.status === 'offered' || serving || (r.volunteer_id === null && isTeamMember);
    if (a === 'complete') return !!serving;
    if (a === 'rate') return mine;
    if (a === 'cancel')
      return mine || permissionsOf(actor).includes('order.review') || actor.grants.some((g) => g.permissions.has('*'));
    return true;
  });
}

export function toOrderView(actor: Actor, r: any, isTeamMember = false): OrderView {
  const due = new Date(r.due_at);
  const finished = (finishedOrderStatuses as readonly string[]).includes(r.status);
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: r.status,
    site: { id: r.site_id, name: r.site_name },
    item: r.item_id ? { id: r.item_id, name: r.item_name, category: r.item_category } : null,
    title: r.title,
    description: r.description,
    urgency: r.urgency,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    regionCode: r.region_code,
    residentName: r.resident_name,
    residentPhoneMasked: r.resident_phone_masked,
    orderedBy: { id: r.ordered_by, name: r.ordered_by_name },
    volunteer: r.volunteer_id ? { id: r.volunteer_id, name: r.volunteer_name } : null,
    team: r.team_id ? { id: r.team_id, name: r.team_name } : null,
    mergedInto: r.merged_into,
    payWithHours: !!r.pay_with_hours,
    respondBy: isoOrNull(r.respond_by)!,
    dueAt: due.toISOString(),
    acceptedAt: isoOrNull(r.accepted_at),
    completedAt: isoOrNull(r.completed_at),
    responseMinutes: r.accepted_at
      ? Math.round((new Date(r.accepted_at).getTime() - new Date(r.created_at).getTime()) / 60_000)
      : null,
    hours: r.hours === null ? null : Number(r.hours),
    rating: r.rating,
    returnedFor: r.status === 'returned' ? r.returned_for : null,
    isOverdue: !finished && due.getTime() < actor.now.getTime(),
    createdAt: isoOrNull(r.created_at)!,
    updatedAt: isoOrNull(r.updated_at)!,
    version: r.version,
    allowedActions: viewerActions(actor, r, isTeamMember),
    skillMatch:
      r.status === 'offered' && r.skill_match !== null && r.skill_match !== undefined ? !!r.skill_match : null,
  };
}

const columns = (actor: Actor) => sql`o.*, s.name AS site_name, i.name AS item_name, i.category AS item_category,
  v.name AS volunteer_name, tm.name AS team_name,
  ${actor.accountId ? offerSkillMatch(actor) : sql`null::boolean`} AS skill_match`;

/** Orders in the reader's scope, newest first, with filters; `mine` narrows to the reader's own role. */
export async function listOrders(db: Db, actor: Actor, q: OrderListQuery): Promise<Page<OrderView>> {
  requirePermission(actor, 'order.read');
  const me = actor.accountId;
  const where = allOf(
    sql`o.tenant_id = ${actor.tenantId}`,
    orderScope(actor, 'order.read'),
    !!q.status && sql`o.status = ${q.status}`,
    !!q.siteId && sql`o.site_id = ${q.siteId}`,
    !!q.urgency && sql`o.urgency = ${q.urgency}`,
    q.mine === 'ordered' && sql`o.ordered_by = ${me}::uuid`,
    q.mine === 'assigned' && sql`o.volunteer_account_id = ${me}::uuid`,
    q.mine === 'offered' &&
      sql`(${eligibleOffer(actor)} OR (o.status = 'dispatched' AND o.volunteer_id IS NULL AND o.team_id IN ${myTeams(actor)}))`,
    q.overdue === true &&
      sql`o.due_at < ${sqlTime(actor.now)} AND o.status <> ALL(${sql.param([...finishedOrderStatuses])}::text[])`,
    !!q.q && sql`(o.title LIKE ${`%${q.q}%`} OR o.number = ${q.q} OR o.address LIKE ${`%${q.q}%`})`,
  );
  return queryPage(
    db,
    {
      columns: columns(actor),
      from: ORDER_FROM,
      where,
      // Open offers: those the volunteer's skills fit first (a highlight, never a filter).
      orderBy:
        q.mine === 'offered'
          ? sql`${actor.accountId ? offerSkillMatch(actor) : sql`false`} DESC, o.created_at DESC, o.id DESC`
          : sql`o.created_at DESC, o.id DESC`,
    },
    q,
    (r) => toOrderView(actor, r),
  );
}

async function isTeamMemberOf(db: Db, actor: Actor, teamId: string | null): Promise<boolean> {
  if (!teamId || !actor.accountId) return false;
  const res = await db.execute(sql`SELECT 1 WHERE ${teamId}::uuid IN ${myTeams(actor)}`);
  return res.rows.length > 0;
}

/** One order with its history and photos; 404 outside the reader's scope. */
export async function getOrder(db: Db, actor: Actor, id: string): Promise<OrderDetailView> {
  requirePermission(actor, 'order.read');
  const res = await db.execute(sql`SELECT ${columns(actor)} FROM ${ORDER_FROM}
    WHERE o.tenant_id = ${actor.tenantId} AND o.id = ${id} AND ${orderScope(actor, 'order.read')}`);
  const r = res.rows[0] as any;
  if (!r) throw fail('ORDER_NOT_FOUND');
  const [events, photos] = await Promise.all([
    db.execute(sql`SELECT * FROM service_order_event WHERE tenant_id = ${actor.tenantId} AND order_id = ${id}
      ORDER BY at, id`),
    db.execute(sql`SELECT file_id FROM service_order_photo WHERE tenant_id = ${actor.tenantId} AND order_id = ${id}
      ORDER BY created_at, file_id`),
  ]);
  return {
    ...toOrderView(actor, r, await isTeamMemberOf(db, actor, r.team_id)),
    notes: r.notes,
    ratingComment: r.rating_comment,
    paymentJournalId: r.payment_journal_id,
    photos: (photos.rows as any[]).map((p) => ({ fileId: p.file_id, url: `/api/v1/orders/${id}/photos/${p.file_id}` })),
    history: (events.rows as any[]).map((e) => ({
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      actorName: e.actor_name,
      at: isoOrNull(e.at)!,
      reason: e.reason,
      detail: e.detail,
    })),
  };
}
