// Rows of the venues module as the views the API answers with.
import {
  type BookingView,
  type VenueView,
  allowedBookingActions,
  bookingStatusLabels,
  venueKindLabels,
} from '@wenming/contracts';
import { type Actor, can } from '../../platform/access';
import { shanghaiDate, iso, shanghaiTime } from '../../platform/clock';
import type { BookingRow } from './booking.repository';
import type { VenueRow } from './venue.repository';

/** A venue row as its view. */
export function toVenueView(r: VenueRow): VenueView {
  return {
    ...r,
    capacity: Number(r.capacity),
    cancelHours: Number(r.cancelHours),
    maxPartySize: Number(r.maxPartySize),
    version: Number(r.version),
    kindLabel: venueKindLabels[r.kind] ?? '',
    canManage: r.canManage === true,
  };
}

/** A booking row as its view, with the actions this actor may take on it now. */
export function toBookingView(r: BookingRow, actor: Actor): BookingView {
  const own = !!actor.accountId && r.accountId === actor.accountId;
  // Managers take every action in their scope; the booker may only cancel their own booking.
  const actions = allowedBookingActions(r.status, ['*']).filter((a) =>
    a === 'cancel' ? own || r.canManage : r.canManage && can(actor, 'venue.manage'),
  );
  return {
    id: r.id,
    venueId: r.venueId,
    venueName: r.venueName,
    siteName: r.siteName,
    date: shanghaiDate(new Date(r.startsAt)),
    start: shanghaiTime(r.startsAt),
    end: shanghaiTime(r.endsAt),
    startsAt: iso(r.startsAt),
    kind: r.kind,
    partySize: Number(r.partySize),
    groupName: r.groupName,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    note: r.note,
    status: r.status,
    statusLabel: bookingStatusLabels[r.status] ?? '',
    reviewNote: r.reviewNote,
    checkedInAt: r.checkedInAt ? iso(r.checkedInAt) : null,
    createdAt: iso(r.createdAt),
    actions,
  };
}
