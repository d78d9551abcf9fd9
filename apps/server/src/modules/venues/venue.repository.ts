// Queries of venues and their slots; no rules here. A slot row holds the places taken, so taking places is one
// UPDATE guarded by the capacity (see takePlaces).
import type { OpeningSlot, VenueClosure, VenueKind } from '@wenming/contracts';
import { type SQL, and, eq, sql } from 'drizzle-orm';
import { venue, venueSlot } from '../../db/schema';
import type { Db } from '../../platform/db';
import { allOf } from '../../platform/paging';
import { maybeOne, rows, sqlTime } from '../../platform/sql';

export interface VenueRow {
  id: string;
  siteId: string;
  siteName: string;
  regionCode: string;
  name: string;
  kind: VenueKind;
  capacity: number;
  openingSlots: OpeningSlot[];
  closures: VenueClosure[];
  rules: string | null;
  cancelHours: number;
  maxPartySize: number;
  address: string | null;
  version: number;
  canManage: boolean;
}

export interface VenueFields {
  name: string;
  kind: VenueKind;
  capacity: number;
  openingSlots: OpeningSlot[];
  closures: VenueClosure[];
  rules: string | null;
  cancelHours: number;
  maxPartySize: number;
  address: string | null;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** The venue `v` with its site `s` as a row; `manage` is a condition on `v` (the actor's manage scope). */
const venueColumns = (manage: SQL) => sql`v.id, v.site_id AS "siteId", s.name AS "siteName",
  v.region_code AS "regionCode", v.name, v.kind, v.capacity, v.opening_slots AS "openingSlots", v.closures, v.rules,
  v.cancel_hours AS "cancelHours", v.max_party_size AS "maxPartySize", v.address, v.version,
  (${manage}) AS "canManage"`;
const venueFrom = sql`venue v JOIN practice_site s ON s.tenant_id = v.tenant_id AND s.id = v.site_id`;
const fixJson = (r: VenueRow): VenueRow => ({
  ...r,
  openingSlots: json<OpeningSlot[]>(r.openingSlots),
  closures: json<VenueClosure[]>(r.closures),
});

/** One venue of the tenant, or null; `where` narrows it (a scope), `manage` says whether the actor manages it. */
export async function findVenue(db: Db, tenantId: string, id: string, manage: SQL, where: SQL = sql`true`) {
  const r = await maybeOne<VenueRow>(
    db,
    sql`SELECT ${venueColumns(manage)} FROM ${venueFrom} WHERE v.tenant_id = ${tenantId} AND v.id = ${id} AND ${where}`,
  );
  return r ? fixJson(r) : null;
}

/** One page of venues, by site and name. */
export async function listVenues(
  db: Db,
  tenantId: string,
  f: { siteId?: string; kind?: string; q?: string; page: number; pageSize: number },
  manage: SQL,
) {
  const where = allOf(
    sql`v.tenant_id = ${tenantId}`,
    f.siteId ? sql`v.site_id = ${f.siteId}` : null,
    f.kind ? sql`v.kind = ${f.kind}` : null,
    f.q ? sql`(v.name ILIKE ${`%${f.q}%`} OR s.name ILIKE ${`%${f.q}%`})` : null,
  );
  const offset = (f.page - 1) * f.pageSize;
  const [items, total] = await Promise.all([
    rows<VenueRow>(
      db,
      sql`SELECT ${venueColumns(manage)} FROM ${venueFrom} WHERE ${where} ORDER BY s.name, v.name, v.id
        LIMIT ${f.pageSize} OFFSET ${offset}`,
    ),
    rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${venueFrom} WHERE ${where}`),
  ]);
  return { items: items.map(fixJson), total: Number(total[0]?.n ?? 0) };
}

/** A practice site `s` of the tenant matching `where` (a scope), with its name and region, or null. */
export async function findSite(db: Db, tenantId: string, siteId: string, where: SQL) {
  return maybeOne<{ id: string; name: string; regionCode: string }>(
    db,
    sql`SELECT s.id, s.name, s.region_code AS "regionCode" FROM practice_site s
      WHERE s.tenant_id = ${tenantId} AND s.id = ${siteId} AND ${where}`,
  );
}

/** Insert a venue. */
export async function insertVenue(
  db: Db,
  row: VenueFields & { tenantId: string; id: string; siteId: string; regionCode: string; now: Date },
): Promise<void> {
  const { now, ...fields } = row;
  await db.insert(venue).values({ ...fields, createdAt: now, updatedAt: now });
}

/** Update a venue at a version; false when the version is stale. */
export async function updateVenue(
  db: Db,
  tenantId: string,
  id: string,
  version: number,
  fields: VenueFields,
  now: Date,
): Promise<boolean> {
  const done = await db
    .update(venue)
    .set({ ...fields, version: version + 1, updatedAt: now })
    .where(and(eq(venue.tenantId, tenantId), eq(venue.id, id), eq(venue.version, version)))
    .returning({ id: venue.id });
  return done.length > 0;
}

/** Slots still ahead take the venue's new capacity, never below the places already taken. */
export async function resizeFutureSlots(db: Db, tenantId: string, venueId: string, capacity: number, now: Date) {
  await db.execute(sql`UPDATE venue_slot SET capacity = GREATEST(${capacity}::int, booked)
    WHERE tenant_id = ${tenantId} AND venue_id = ${venueId} AND starts_at > ${sqlTime(now)}`);
}

/** Create the slot row of an opening if it has none yet (concurrent callers: one inserts, the others wait). */
export async function ensureSlot(
  db: Db,
  s: { tenantId: string; id: string; venueId: string; startsAt: Date; endsAt: Date; capacity: number },
): Promise<void> {
  await db
    .insert(venueSlot)
    .values({ ...s, booked: 0 })
    .onConflictDoNothing();
}

/**
 * Take `n` places of a slot in one statement: the UPDATE locks the row and re-checks the capacity against the
 * committed count, so concurrent bookings can never overfill it. The slot's id, or null when it is full.
 */
export async function takePlaces(db: Db, tenantId: string, venueId: string, startsAt: Date, n: number) {
  const r = await maybeOne<{ id: string }>(
    db,
    sql`UPDATE venue_slot SET booked = booked + ${n}::int
      WHERE tenant_id = ${tenantId} AND venue_id = ${venueId} AND starts_at = ${sqlTime(startsAt)}
        AND booked + ${n}::int <= capacity
      RETURNING id`,
  );
  return r?.id ?? null;
}

/** Give back `n` places of a slot. */
export async function releasePlaces(db: Db, tenantId: string, slotId: string, n: number): Promise<void> {
  await db.execute(sql`UPDATE venue_slot SET booked = GREATEST(booked - ${n}::int, 0)
    WHERE tenant_id = ${tenantId} AND id = ${slotId}`);
}

export interface SlotCountRow {
  startsAt: Date | string;
  capacity: number;
  booked: number;
}

/** The slot rows of a venue between two instants (openings without a row have no bookings). */
export async function findSlotCounts(db: Db, tenantId: string, venueId: string, from: Date, to: Date) {
  return rows<SlotCountRow>(
    db,
    sql`SELECT starts_at AS "startsAt", capacity, booked FROM venue_slot
      WHERE tenant_id = ${tenantId} AND venue_id = ${venueId}
        AND starts_at >= ${sqlTime(from)} AND starts_at < ${sqlTime(to)}`,
  );
}
