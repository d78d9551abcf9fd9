// A booking after it is made: review of group bookings, cancellation (the booker until N hours before the slot, the
// manager any time before it), check-in at the door by ticket token, and no-shows after the slot ends. Every step
// follows the state machine in packages/contracts; a cancelled or rejected booking gives its places back.
import {
  type BookingAction,
  type BookingListQuery,
  type BookingView,
  type Page,
  nextBookingStatus,
  placeHoldingStatuses,
} from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, can, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import { shanghaiDayStart } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { fail, forbidden } from '../../platform/errors';
import { sqlTime } from '../../platform/sql';
import { type BookingRow, findBooking, listBookings, markEndedAsNoShow, setBookingStatus } from './booking.repository';
import { releasePlaces } from './venue.repository';
import { bookingReadable, venueManaged } from './venue.policy';
import { getBooking } from './booking.service';
import { getManagedVenue } from './venue.service';
import { toBookingView } from './venue-view';

/** Check-in opens this long before the slot starts. */
export const CHECK_IN_EARLY_MS = 30 * 60_000;

const ms = (v: Date | string) => new Date(v).getTime();

/** Lock a booking the actor may see, apply an action's edge and its rules; returns the row before the change. */
async function act(
  db: Db,
  actor: Actor,
  where: SQL,
  action: BookingAction,
  rules: (row: BookingRow) => void,
  extra: { reviewNote?: string | null; checkedInAt?: Date | null } = {},
): Promise<BookingRow> {
  return db.transaction(async (tx) => {
    const row = await findBooking(
      tx,
      actor.tenantId,
      sql`${where} AND ${bookingReadable(actor)}`,
      venueManaged(actor),
      true,
    );
    if (!row) throw fail('VENUE_BOOKING_NOT_FOUND');
    const own = !!actor.accountId && row.accountId === actor.accountId;
    const managing = row.canManage && can(actor, 'venue.manage');
    if (action === 'cancel' ? !own && !managing : !managing) throw forbidden();
    const to = nextBookingStatus(row.status, action);
    if (!to) throw fail('VENUE_BOOKING_TRANSITION_NOT_ALLOWED', { status: row.status, action });
    rules(row);
    await setBookingStatus(tx, actor.tenantId, row.id, { status: to, now: actor.now, ...extra });
    if (!placeHoldingStatuses.includes(to)) await releasePlaces(tx, actor.tenantId, row.slotId, Number(row.partySize));
    await writeAudit(tx, actor, {
      action: `venue_booking.${action}`,
      objectType: 'venue_booking',
      objectId: row.id,
      before: { status: row.status },
      after: { status: to, ...extra },
    });
    return row;
  });
}

/** Approve or reject a group booking (the venue's manager). */
export async function reviewBooking(
  db: Db,
  actor: Actor,
  id: string,
  body: { approve: boolean; note?: string | null },
): Promise<BookingView> {
  requirePermission(actor, 'venue.manage');
  await act(db, actor, sql`b.id = ${id}`, body.approve ? 'approve' : 'reject', () => {}, {
    reviewNote: body.note ?? null,
  });
  return getBooking(db, actor, id);
}

/** Cancel a booking: its booker until the venue's cancel hours before the slot, its manager until the slot starts. */
export async function cancelBooking(db: Db, actor: Actor, id: string): Promise<BookingView> {
  await act(db, actor, sql`b.id = ${id}`, 'cancel', (row) => {
    const managing = row.canManage && can(actor, 'venue.manage');
    const deadline = ms(row.startsAt) - (managing ? 0 : Number(row.cancelHours) * 3600_000);
    if (actor.now.getTime() >= deadline) throw fail('VENUE_CANCEL_TOO_LATE', { cancelHours: Number(row.cancelHours) });
  });
  return getBooking(db, actor, id);
}

/** Check a ticket in at the door by its token (scanned from the QR code or typed), during its slot. */
export async function checkIn(db: Db, actor: Actor, venueId: string, token: string): Promise<BookingView> {
  requirePermission(actor, 'venue.manage');
  await getManagedVenue(db, actor, venueId);
  const found = await findBooking(
    db,
    actor.tenantId,
    sql`b.venue_id = ${venueId} AND b.ticket_token = ${token}`,
    sql`true`,
  );
  if (!found) throw fail('VENUE_TICKET_UNKNOWN');
  await act(
    db,
    actor,
    sql`b.id = ${found.id}`,
    'check_in',
    (row) => {
      const now = actor.now.getTime();
      if (now < ms(row.startsAt) - CHECK_IN_EARLY_MS || now >= ms(row.endsAt))
        throw fail('VENUE_CHECK_IN_OUTSIDE_SLOT', { startsAt: new Date(row.startsAt).toISOString() });
    },
    { checkedInAt: actor.now },
  );
  return getBooking(db, actor, found.id);
}

/** Mark one booking as a no-show once its slot has ended. */
export async function markNoShow(db: Db, actor: Actor, id: string): Promise<BookingView> {
  requirePermission(actor, 'venue.manage');
  await act(db, actor, sql`b.id = ${id}`, 'mark_no_show', (row) => {
    if (actor.now.getTime() < ms(row.endsAt)) throw fail('VENUE_SLOT_NOT_OVER');
  });
  return getBooking(db, actor, id);
}

/** Mark every booking of a venue whose slot has ended without a check-in as a no-show; how many. */
export async function markVenueNoShows(db: Db, actor: Actor, venueId: string): Promise<{ marked: number }> {
  await getManagedVenue(db, actor, venueId);
  return db.transaction(async (tx) => {
    const ids = await markEndedAsNoShow(tx, actor.tenantId, venueId, actor.now);
    if (ids.length)
      await writeAudit(tx, actor, {
        action: 'venue_booking.mark_no_show',
        objectType: 'venue',
        objectId: venueId,
        after: { bookings: ids.map((r) => r.id) },
      });
    return { marked: ids.length };
  });
}

/** Bookings of a venue the actor manages, by slot (the slot calendar and the review queue). */
export async function listVenueBookings(
  db: Db,
  actor: Actor,
  venueId: string,
  q: BookingListQuery,
): Promise<Page<BookingView>> {
  await getManagedVenue(db, actor, venueId);
  const where = sql`b.venue_id = ${venueId}
    ${q.status ? sql`AND b.status = ${q.status}` : sql``}
    ${q.from ? sql`AND t.starts_at >= ${sqlTime(shanghaiDayStart(q.from))}` : sql``}
    ${q.to ? sql`AND t.starts_at < ${sqlTime(new Date(shanghaiDayStart(q.to).getTime() + 86_400_000))}` : sql``}`;
  const found = await listBookings(db, actor.tenantId, where, venueManaged(actor), q);
  return {
    items: found.items.map((r) => toBookingView(r, actor)),
    total: found.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The signed-in person's own bookings (我的预约), latest slot first. */
export async function listMyBookings(db: Db, actor: Actor, q: BookingListQuery): Promise<Page<BookingView>> {
  requirePermission(actor, 'venue.book');
  if (!actor.accountId) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const where = sql`b.account_id = ${actor.accountId}::uuid ${q.status ? sql`AND b.status = ${q.status}` : sql``}`;
  const found = await listBookings(db, actor.tenantId, where, venueManaged(actor), { ...q, newestFirst: true });
  return {
    items: found.items.map((r) => toBookingView(r, actor)),
    total: found.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
