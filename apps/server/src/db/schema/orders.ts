// Tables of service orders (SPEC 4.8): the service menu of a site, orders, their history and photos.
import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { practiceSite, region } from './org';
import { createdAt, tenantId, tstz, updatedAt } from './types';
import { volunteer, volunteerTeam } from './volunteers';

/** An item of a site's service menu and who can deliver it (volunteers with one of the skills, or a team). */
export const serviceItem = pgTable(
  'service_item',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    siteId: uuid('site_id').notNull(),
    category: text('category').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    requiredSkills: text('required_skills').array().notNull().default(sql`'{}'::text[]`),
    teamId: uuid('team_id'),
    typicalHours: numeric('typical_hours', { precision: 4, scale: 1, mode: 'number' }).notNull().default(1),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [practiceSite.tenantId, practiceSite.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [volunteerTeam.tenantId, volunteerTeam.id] }),
    index('service_item_site_idx').on(t.tenantId, t.siteId),
  ],
);

/** Human order numbers (FW20261122-000123) draw from one sequence. */
export const serviceOrderNumberSeq = pgSequence('service_order_number_seq', { startWith: 1, cache: 20 });

/** A service order: what the resident needs, where, how urgent, and who serves it. */
export const serviceOrder = pgTable(
  'service_order',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    siteId: uuid('site_id').notNull(),
    itemId: uuid('item_id'),
    title: text('title').notNull(),
    description: text('description').notNull(),
    urgency: text('urgency').notNull(),
    address: text('address').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    regionCode: text('region_code').notNull(),
    residentName: text('resident_name'),
    residentPhoneEnc: text('resident_phone_enc'),
    residentPhoneMasked: text('resident_phone_masked'),
    orderedBy: uuid('ordered_by').notNull(),
    orderedByName: text('ordered_by_name').notNull(),
    volunteerId: uuid('volunteer_id'),
    /** The volunteer's sign-in account, for the own scope. */
    volunteerAccountId: uuid('volunteer_account_id'),
    teamId: uuid('team_id'),
    mergedInto: uuid('merged_into'),
    payWithHours: boolean('pay_with_hours').notNull().default(false),
    respondBy: tstz('respond_by').notNull(),
    dueAt: tstz('due_at').notNull(),
    acceptedAt: tstz('accepted_at'),
    completedAt: tstz('completed_at'),
    hours: numeric('hours', { precision: 4, scale: 1, mode: 'number' }),
    notes: text('notes'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    returnedFor: text('returned_for'),
    overdueAt: tstz('overdue_at'),
    paymentJournalId: uuid('payment_journal_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('service_order_number_uq').on(t.tenantId, t.number),
    foreignKey({ columns: [t.tenantId, t.siteId], foreignColumns: [practiceSite.tenantId, practiceSite.id] }),
    foreignKey({ columns: [t.tenantId, t.itemId], foreignColumns: [serviceItem.tenantId, serviceItem.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [region.tenantId, region.code] }),
    foreignKey({ columns: [t.tenantId, t.volunteerId], foreignColumns: [volunteer.tenantId, volunteer.id] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [volunteerTeam.tenantId, volunteerTeam.id] }),
    foreignKey({ columns: [t.tenantId, t.mergedInto], foreignColumns: [t.tenantId, t.id] }),
    index('service_order_site_status_idx').on(t.tenantId, t.siteId, t.status, t.createdAt),
    index('service_order_volunteer_idx').on(t.tenantId, t.volunteerId, t.status),
    index('service_order_ordered_by_idx').on(t.tenantId, t.orderedBy, t.createdAt),
    index('service_order_status_due_idx').on(t.tenantId, t.status, t.dueAt),
  ],
);

/** Every transition of an order: who, when, from and to, why, and what came with it (rating, hours). */
export const serviceOrderEvent = pgTable(
  'service_order_event',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    orderId: uuid('order_id').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    reason: text('reason'),
    detail: jsonb('detail'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [serviceOrder.tenantId, serviceOrder.id] }),
    index('service_order_event_order_idx').on(t.tenantId, t.orderId, t.at),
  ],
);

/** Photos of a completed service (file ids of the platform's file store). */
export const serviceOrderPhoto = pgTable(
  'service_order_photo',
  {
    tenantId: tenantId(),
    orderId: uuid('order_id').notNull(),
    fileId: uuid('file_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.orderId, t.fileId] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [serviceOrder.tenantId, serviceOrder.id] }),
  ],
);

/** Every rating a volunteer received (an order served again after a bad rating keeps the old one here). */
export const serviceOrderRating = pgTable(
  'service_order_rating',
  {
    tenantId: tenantId(),
    id: uuid('id').notNull(),
    orderId: uuid('order_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    rating: integer('rating').notNull(),
    comment: text('comment'),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.orderId], foreignColumns: [serviceOrder.tenantId, serviceOrder.id] }),
    foreignKey({ columns: [t.tenantId, t.volunteerId], foreignColumns: [volunteer.tenantId, volunteer.id] }),
    index('service_order_rating_volunteer_idx').on(t.tenantId, t.volunteerId),
  ],
);
