// Venues of practice sites: create and change them (managers), browse them and their open slots (anyone with
// venue.read), and the month's usage rate.
import type {
  Page,
  VenueBody,
  VenueListQuery,
  VenueSlotQuery,
  VenueSlotView,
  VenueUpdateBody,
  VenueUsageQuery,
  VenueUsageView,
  VenueView,
} from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, requirePermission, scopeFilter } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import { DAY_MS, shanghaiDayStart, shanghaiMonth, shanghaiMonthBounds } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { fail, invalidFields } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { sumUsage } from './booking.repository';
import { type Openings, firstDay, openingsBetween, openingsOfMonth } from './venue-openings';
import {
  type VenueFields,
  findSite,
  findSlotCounts,
  findVenue,
  insertVenue,
  listVenues,
  resizeFutureSlots,
  updateVenue,
} from './venue.repository';
import { venueManaged } from './venue.policy';
import { toVenueView } from './venue-view';

const fieldsOf = (b: VenueUpdateBody | VenueBody): VenueFields => ({
  name: b.name,
  kind: b.kind,
  capacity: b.capacity,
  openingSlots: b.openingSlots,
  closures: b.closures ?? [],
  rules: b.rules ?? null,
  cancelHours: b.cancelHours ?? 2,
  maxPartySize: b.maxPartySize ?? 5,
  address: b.address ?? null,
});

/** A venue the actor may browse, or 404. */
export async function getVenue(db: Db, actor: Actor, id: string): Promise<VenueView> {
  requirePermission(actor, 'venue.read');
  const found = await findVenue(db, actor.tenantId, id, venueManaged(actor));
  if (!found) throw fail('VENUE_NOT_FOUND');
  return toVenueView(found);
}

/** A venue the actor manages, or 404 (403 without venue.manage at all). */
export async function getManagedVenue(db: Db, actor: Actor, id: string): Promise<VenueView> {
  requirePermission(actor, 'venue.manage');
  const found = await findVenue(db, actor.tenantId, id, venueManaged(actor), venueManaged(actor));
  if (!found) throw fail('VENUE_NOT_FOUND');
  return toVenueView(found);
}

/** Venues of the tenant, by site and name. */
export async function listVenuePage(db: Db, actor: Actor, q: VenueListQuery): Promise<Page<VenueView>> {
  requirePermission(actor, 'venue.read');
  const found = await listVenues(db, actor.tenantId, q, venueManaged(actor));
  return { items: found.items.map(toVenueView), total: found.total, page: q.page, pageSize: q.pageSize };
}

/** Add a venue to a practice site in the actor's venue.manage scope. */
export async function createVenue(db: Db, actor: Actor, body: VenueBody): Promise<VenueView> {
  requirePermission(actor, 'venue.manage');
  const inScope = scopeFilter(actor, 'venue.manage', { siteId: sql`s.id`, regionCode: sql`s.region_code` });
  const site = await findSite(db, actor.tenantId, body.siteId, inScope);
  if (!site) throw invalidFields([{ field: 'siteId', key: 'invalid_value' }]);
  const id = newId();
  await db.transaction(async (tx) => {
    await insertVenue(tx, {
      ...fieldsOf(body),
      tenantId: actor.tenantId,
      id,
      siteId: site.id,
      regionCode: site.regionCode,
      now: actor.now,
    });
    await writeAudit(tx, actor, { action: 'venue.create', objectType: 'venue', objectId: id, after: body });
  });
  return getManagedVenue(db, actor, id);
}

/** Change a venue (optimistic version); slots still ahead take its new capacity. */
export async function changeVenue(db: Db, actor: Actor, id: string, body: VenueUpdateBody): Promise<VenueView> {
  const before = await getManagedVenue(db, actor, id);
  await db.transaction(async (tx) => {
    if (!(await updateVenue(tx, actor.tenantId, id, body.version, fieldsOf(body), actor.now)))
      throw fail('VENUE_STALE_VERSION');
    await resizeFutureSlots(tx, actor.tenantId, id, body.capacity, actor.now);
    await writeAudit(tx, actor, { action: 'venue.update', objectType: 'venue', objectId: id, before, after: body });
  });
  return getManagedVenue(db, actor, id);
}

/** Openings of a venue from a day on, each with its free places (past openings left out). */
export async function openSlots(
  db: Db,
  tenantId: string,
  venue: Openings & { id: string; capacity: number },
  from: string,
  days: number,
  now: Date,
): Promise<VenueSlotView[]> {
  const openings = openingsBetween(venue, from, days, now);
  if (!openings.length) return [];
  const start = shanghaiDayStart(from);
  const counts = await findSlotCounts(db, tenantId, venue.id, start, new Date(start.getTime() + days * DAY_MS));
  const byStart = new Map(counts.map((c) => [new Date(c.startsAt).getTime(), c]));
  return openings.map((o) => {
    const c = byStart.get(o.startsAt.getTime());
    const capacity = c ? Number(c.capacity) : venue.capacity;
    const booked = c ? Number(c.booked) : 0;
    return {
      date: o.date,
      start: o.start,
      end: o.end,
      startsAt: o.startsAt.toISOString(),
      capacity,
      booked,
      free: Math.max(capacity - booked, 0),
    };
  });
}

/** The venue's slot calendar from a day (today at the earliest) for some days. */
export async function listVenueSlots(db: Db, actor: Actor, id: string, q: VenueSlotQuery): Promise<VenueSlotView[]> {
  const venue = await getVenue(db, actor, id);
  return openSlots(db, actor.tenantId, venue, firstDay(q.from, actor.now), q.days, actor.now);
}

/** The first free slots with room for a party, from a day on (the details of a refused booking). */
export async function nextFreeSlots(
  db: Db,
  tenantId: string,
  venue: Openings & { id: string; capacity: number },
  from: string,
  partySize: number,
  now: Date,
): Promise<VenueSlotView[]> {
  const slots = await openSlots(db, tenantId, venue, firstDay(from, now), 28, now);
  return slots.filter((s) => s.free >= partySize).slice(0, 5);
}

/** Places offered, booked and attended in a month at a venue the actor manages; rates to four decimals. */
export async function venueUsage(db: Db, actor: Actor, id: string, q: VenueUsageQuery): Promise<VenueUsageView> {
  const venue = await getManagedVenue(db, actor, id);
  const month = q.month ?? shanghaiMonth(actor.now);
  const { from, to } = shanghaiMonthBounds(month);
  const offered = openingsOfMonth(venue, month).length * venue.capacity;
  const used = await sumUsage(db, actor.tenantId, id, from, to);
  const rate = (n: number) => (offered ? Math.round((n / offered) * 10000) / 10000 : 0);
  return {
    venueId: venue.id,
    venueName: venue.name,
    siteName: venue.siteName,
    month,
    offeredPlaces: offered,
    bookedPlaces: Number(used.booked),
    attendedPlaces: Number(used.attended),
    noShowPlaces: Number(used.noShow),
    usageRate: rate(Number(used.attended)),
    bookingRate: rate(Number(used.booked)),
  };
}
