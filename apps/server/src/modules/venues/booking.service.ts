// Booking a venue's slot (场馆预约): the opening must exist and lie ahead, and the places are taken in one guarded
// UPDATE of the slot row, so 300 people racing for the last 20 places leave exactly 20 bookings. A refused booking
// is 409 with the next free slots in its details. Group bookings wait for the venue manager's review.
import type { BookingBody, BookingTicketView, BookingView } from '@wenming/contracts';
import QRCode from 'qrcode';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { fail } from '../../platform/errors';
import { newId, randomToken } from '../../platform/ids';
import { findBooking, insertBooking } from './booking.repository';
import { bookableOpening } from './venue-openings';
import { ensureSlot, takePlaces } from './venue.repository';
import { bookingReadable, venueManaged } from './venue.policy';
import { getVenue, nextFreeSlots } from './venue.service';
import { toBookingView } from './venue-view';

/** Book places in a venue's opening for the signed-in resident or group; a QR ticket comes with it. */
export async function bookVenue(db: Db, actor: Actor, venueId: string, body: BookingBody): Promise<BookingView> {
  requirePermission(actor, 'venue.book');
  const venue = await getVenue(db, actor, venueId);
  const partySize = body.partySize ?? 1;
  const limit = body.kind === 'group' ? venue.capacity : venue.maxPartySize;
  if (partySize > limit) throw fail('VENUE_PARTY_TOO_LARGE', { limit });
  const opening = bookableOpening(venue, body.date, body.start, actor.now);
  const refuse = async (code: 'VENUE_SLOT_CLOSED' | 'VENUE_SLOT_FULL') =>
    fail(code, { nextFreeSlots: await nextFreeSlots(db, actor.tenantId, venue, body.date, partySize, actor.now) });
  if (!opening) throw await refuse('VENUE_SLOT_CLOSED');
  const id = newId();
  const taken = await db.transaction(async (tx) => {
    await ensureSlot(tx, {
      tenantId: actor.tenantId,
      id: newId(),
      venueId,
      startsAt: opening.startsAt,
      endsAt: opening.endsAt,
      capacity: venue.capacity,
    });
    const slotId = await takePlaces(tx, actor.tenantId, venueId, opening.startsAt, partySize);
    if (!slotId) return false;
    const status = body.kind === 'group' ? 'pending_review' : 'booked';
    await insertBooking(tx, {
      tenantId: actor.tenantId,
      id,
      venueId,
      slotId,
      accountId: actor.accountId,
      kind: body.kind ?? 'individual',
      partySize,
      groupName: body.kind === 'group' ? (body.groupName ?? null) : null,
      contactName: body.contactName,
      contactPhone: body.contactPhone ?? null,
      note: body.note ?? null,
      status,
      ticketToken: randomToken(12),
      now: actor.now,
    });
    await writeAudit(tx, actor, {
      action: 'venue_booking.create',
      objectType: 'venue_booking',
      objectId: id,
      after: { venueId, date: body.date, start: body.start, partySize, kind: body.kind, status },
    });
    return true;
  });
  if (!taken) throw await refuse('VENUE_SLOT_FULL');
  return getBooking(db, actor, id);
}

/** A booking the actor may see (their own, or one of a venue they manage), or 404. */
export async function getBooking(db: Db, actor: Actor, id: string): Promise<BookingView> {
  const row = await findBooking(
    db,
    actor.tenantId,
    sql`b.id = ${id} AND ${bookingReadable(actor)}`,
    venueManaged(actor),
  );
  if (!row) throw fail('VENUE_BOOKING_NOT_FOUND');
  return toBookingView(row, actor);
}

/** The booker's ticket: the token and its QR code (SVG) to show at the door; managers may open it too. */
export async function bookingTicket(db: Db, actor: Actor, id: string): Promise<BookingTicketView> {
  const row = await findBooking(
    db,
    actor.tenantId,
    sql`b.id = ${id} AND ${bookingReadable(actor)}`,
    venueManaged(actor),
  );
  if (!row) throw fail('VENUE_BOOKING_NOT_FOUND');
  const qrSvg = await QRCode.toString(row.ticketToken, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { ...toBookingView(row, actor), token: row.ticketToken, qrSvg };
}
