// Tables of venues (SPEC 4.11, 场馆预约): a practice site's venues with weekly openings, their slots (one row per
// opening that has bookings, holding the places taken so capacity is checked in one statement) and bookings.
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { practiceSite, region } from './org';
import { account } from './platform';
import { createdAt, tenantId, tstz, updatedAt } from './types';

export const venue = pgTable(
  'venue',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    siteId: uuid('site_id').notNull(),
    regionCode: text('region_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    capacity: integer('capacity').notNull(),
    openingSlots: jsonb('opening_slots').$type<{ weekday: number; start: string; end: string }[]>().notNull(),
    closures: jsonb('closures').$type<{ date: string; reason?: string | null }[]>().notNull(),
    rules: text('rules'),
    cancelHours: integer('cancel_hours').notNull().default(2),
    maxPartySize: integer('max_party_size').notNull().default(5),
    address: text('address'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [practiceSite.tenantId, practiceSite.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    index('venue_site_idx').on(t.tenantId, t.siteId),
  ],
);

export const venueSlot = pgTable(
  'venue_slot',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    venueId: uuid('venue_id').notNull(),
    startsAt: tstz('starts_at').notNull(),
    endsAt: tstz('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.venueId], foreignColumns: [venue.tenantId, venue.id] }),
    unique('venue_slot_start_uq').on(t.tenantId, t.venueId, t.startsAt),
  ],
);

export const venueBooking = pgTable(
  'venue_booking',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    venueId: uuid('venue_id').notNull(),
    slotId: uuid('slot_id').notNull(),
    accountId: uuid('account_id'),
    kind: text('kind').notNull(),
    partySize: integer('party_size').notNull(),
    groupName: text('group_name'),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone'),
    note: text('note'),
    status: text('status').notNull(),
    ticketToken: text('ticket_token').notNull(),
    reviewNote: text('review_note'),
    checkedInAt: tstz('checked_in_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.venueId], foreignColumns: [venue.tenantId, venue.id] }),
    foreignKey({ columns: [t.tenantId, t.slotId], foreignColumns: [venueSlot.tenantId, venueSlot.id] }),
    foreignKey({ columns: [t.tenantId, t.accountId], foreignColumns: [account.tenantId, account.id] }),
    unique('venue_booking_token_uq').on(t.tenantId, t.ticketToken),
    index('venue_booking_slot_idx').on(t.tenantId, t.slotId),
    index('venue_booking_account_idx').on(t.tenantId, t.accountId),
  ],
);
