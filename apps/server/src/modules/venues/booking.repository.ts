// Queries of venue bookings and the month's usage figures; no rules here.
import type { BookingKind, BookingStatus } from '@wenming/contracts';
import { type SQL, sql } from 'drizzle-orm';
import { venueBooking } from '../../db/schema';
import type { Db } from '../../platform/db';
import { allOf } from '../../platform/paging';
import { maybeOne, rows, sqlTime } from '../../platform/sql';

export interface BookingRow {
  id: string;
  venueId: string;
  venueName: string;
  siteName: string;
  siteId: string;
  slotId: string;
  startsAt: Date | string;
  endsAt: Date | string;
  accountId: string | null;
  kind: BookingKind;
  partySize: number;
  groupName: string | null;
  contactName: string;
  contactPhone: string | null;
  note: string | null;
  status: BookingStatus;
  ticketToken: string;
  reviewNote: string | null;
  checkedInAt: Date | string | null;
  createdAt: Date | string;
  cancelHours: number;
  canManage: boolean;
}

/** Columns of a booking `b` with its slot `t`, venue `v` and site `s`; `manage` is a condition on `v`. */
const bookingColumns = (manage: SQL) => sql`b.id, b.venue_id AS "venueId", v.name AS "venueName",
  s.name AS "siteName", v.site_id AS "siteId", b.slot_id AS "slotId", t.starts_at AS "startsAt", t.ends_at AS "endsAt",
  b.account_id AS "accountId", b.kind, b.party_size AS "partySize", b.group_name AS "groupName",
  b.contact_name AS "contactName", b.contact_phone AS "contactPhone", b.note, b.status, b.ticket_token AS "ticketToken",
  b.review_note AS "reviewNote", b.checked_in_at AS "checkedInAt", b.created_at AS "createdAt",
  v.cancel_hours AS "cancelHours", (${manage}) AS "canManage"`;
const bookingFrom = sql`venue_booking b
  JOIN venue_slot t ON t.tenant_id = b.tenant_id AND t.id = b.slot_id
  JOIN venue v ON v.tenant_id = b.tenant_id AND v.id = b.venue_id
  JOIN practice_site s ON s.tenant_id = v.tenant_id AND s.id = v.site_id`;

export interface NewBooking {
  tenantId: string;
  id: string;
  venueId: string;
  slotId: string;
  accountId: string | null;
  kind: BookingKind;
  partySize: number;
  groupName: string | null;
  contactName: string;
  contactPhone: string | null;
  note: string | null;
  status: BookingStatus;
  ticketToken: string;
  checkedInAt?: Date | null;
  now: Date;
}

/** Insert a booking. */
export async function insertBooking(db: Db, b: NewBooking): Promise<void> {
  const { now, ...fields } = b;
  await db.insert(venueBooking).values({ ...fields, createdAt: now, updatedAt: now });
}

/** One booking matching `where` (a scope on `b`/`v`), locked for the transaction when `lock`; or null. */
export async function findBooking(db: Db, tenantId: string, where: SQL, manage: SQL, lock = false) {
  return maybeOne<BookingRow>(
    db,
    sql`SELECT ${bookingColumns(manage)} FROM ${bookingFrom} WHERE b.tenant_id = ${tenantId} AND ${where}
      ${lock ? sql`FOR UPDATE OF b` : sql``}`,
  );
}

/** Set a booking's status (and the review note or check-in time that came with it). */
export async function setBookingStatus(
  db: Db,
  tenantId: string,
  id: string,
  change: { status: BookingStatus; reviewNote?: string | null; checkedInAt?: Date | null; now: Date },
): Promise<void> {
  await db.execute(sql`UPDATE venue_booking SET status = ${change.status},
      review_note = COALESCE(${change.reviewNote ?? null}, review_note),
      checked_in_at = COALESCE(${change.checkedInAt ? sqlTime(change.checkedInAt) : null}, checked_in_at),
      updated_at = ${sqlTime(change.now)}
    WHERE tenant_id = ${tenantId} AND id = ${id}`);
}

/** One page of bookings matching `where`, by slot start. */
export async function listBookings(
  db: Db,
  tenantId: string,
  where: SQL,
  manage: SQL,
  paging: { page: number; pageSize: number; newestFirst?: boolean },
) {
  const all = allOf(sql`b.tenant_id = ${tenantId}`, where);
  const order = paging.newestFirst ? sql`t.starts_at DESC, b.id` : sql`t.starts_at, b.created_at, b.id`;
  const [items, total] = await Promise.all([
    rows<BookingRow>(
      db,
      sql`SELECT ${bookingColumns(manage)} FROM ${bookingFrom} WHERE ${all} ORDER BY ${order}
        LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`,
    ),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${bookingFrom} WHERE ${all}`),
  ]);
  return { items, total: Number(total[0]?.n ?? 0) };
}

/** Bookings of a venue still `booked` whose slot has ended: marked no-show; their ids. */
export async function markEndedAsNoShow(db: Db, tenantId: string, venueId: string, now: Date) {
  return rows<{ id: string }>(
    db,
    sql`UPDATE venue_booking b SET status = 'no_show', updated_at = ${sqlTime(now)}
      FROM venue_slot t
      WHERE b.tenant_id = ${tenantId} AND b.venue_id = ${venueId} AND b.status = 'booked'
        AND t.tenant_id = b.tenant_id AND t.id = b.slot_id AND t.ends_at <= ${sqlTime(now)}
      RETURNING b.id`,
  );
}

export interface UsageRow {
  booked: number;
  attended: number;
  noShow: number;
}

/** Places booked, attended and missed in a venue's slots starting in [from, to). */
export async function sumUsage(db: Db, tenantId: string, venueId: string, from: Date, to: Date) {
  const r = await maybeOne<UsageRow>(
    db,
    sql`SELECT
        COALESCE(sum(b.party_size) FILTER (WHERE b.status IN ('booked', 'checked_in', 'no_show')), 0)::int AS booked,
        COALESCE(sum(b.party_size) FILTER (WHERE b.status = 'checked_in'), 0)::int AS attended,
        COALESCE(sum(b.party_size) FILTER (WHERE b.status = 'no_show'), 0)::int AS "noShow"
      FROM venue_booking b JOIN venue_slot t ON t.tenant_id = b.tenant_id AND t.id = b.slot_id
      WHERE b.tenant_id = ${tenantId} AND b.venue_id = ${venueId}
        AND t.starts_at >= ${sqlTime(from)} AND t.starts_at < ${sqlTime(to)}`,
  );
  return r ?? { booked: 0, attended: 0, noShow: 0 };
}
