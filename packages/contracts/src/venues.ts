// Venues of practice sites (SPEC 4.11, 场馆预约): bodies, views and the booking lifecycle as data, shared by the
// server (which enforces it) and the web app (which shows the allowed actions).
import { z } from 'zod';
import { calendarDay, pageQuery } from './common';
import type { Permission } from './permissions';

export const venueKinds = ['history_hall', 'exhibition', 'activity_room'] as const;
export type VenueKind = (typeof venueKinds)[number];
export const venueKindLabels: Record<VenueKind, string> = {
  history_hall: '党史馆',
  exhibition: '展厅',
  activity_room: '活动室',
};

export const bookingKinds = ['individual', 'group'] as const;
export type BookingKind = (typeof bookingKinds)[number];

export const bookingStatuses = ['pending_review', 'booked', 'checked_in', 'no_show', 'cancelled', 'rejected'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
export const bookingStatusLabels: Record<BookingStatus, string> = {
  pending_review: '待审核',
  booked: '已预约',
  checked_in: '已签到',
  no_show: '未到场',
  cancelled: '已取消',
  rejected: '未通过',
};

export const bookingActions = ['approve', 'reject', 'check_in', 'mark_no_show', 'cancel'] as const;
export type BookingAction = (typeof bookingActions)[number];
export const bookingActionLabels: Record<BookingAction, string> = {
  approve: '审核通过',
  reject: '不予通过',
  check_in: '签到',
  mark_no_show: '标记未到场',
  cancel: '取消预约',
};

/** The permission each action needs; `cancel` is also the booker's own (their scope is their bookings). */
export const bookingActionPermissions: Record<BookingAction, Permission> = {
  approve: 'venue.manage',
  reject: 'venue.manage',
  check_in: 'venue.manage',
  mark_no_show: 'venue.manage',
  cancel: 'venue.book',
};

export interface BookingTransition {
  from: BookingStatus;
  action: BookingAction;
  to: BookingStatus;
}

/** Every allowed transition; anything else is 409 VENUE_BOOKING_TRANSITION_NOT_ALLOWED. */
export const bookingTransitions: readonly BookingTransition[] = [
  { from: 'pending_review', action: 'approve', to: 'booked' },
  { from: 'pending_review', action: 'reject', to: 'rejected' },
  { from: 'pending_review', action: 'cancel', to: 'cancelled' },
  { from: 'booked', action: 'check_in', to: 'checked_in' },
  { from: 'booked', action: 'mark_no_show', to: 'no_show' },
  { from: 'booked', action: 'cancel', to: 'cancelled' },
];

/** Statuses that hold places of their slot. */
export const placeHoldingStatuses: readonly BookingStatus[] = ['pending_review', 'booked', 'checked_in', 'no_show'];

/** The state an action leads to, or null when the machine has no such edge. */
export function nextBookingStatus(status: BookingStatus, action: BookingAction): BookingStatus | null {
  return bookingTransitions.find((x) => x.from === status && x.action === action)?.to ?? null;
}

/** The actions a holder of these permissions may take in a state (scope and time rules are checked apart). */
export function allowedBookingActions(status: BookingStatus, permissions: Iterable<string>): BookingAction[] {
  const held = new Set(permissions);
  return bookingTransitions
    .filter((x) => x.from === status && (held.has('*') || held.has(bookingActionPermissions[x.action])))
    .map((x) => x.action);
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_format');

/** A weekly opening slot: ISO weekday (1 = Monday … 7 = Sunday) and its Shanghai start and end times. */
export const openingSlot = z
  .object({ weekday: z.number().int().min(1).max(7), start: hhmm, end: hhmm })
  .refine((s) => s.start < s.end, { path: ['end'], message: 'too_small' });
export type OpeningSlot = z.infer<typeof openingSlot>;

export const venueClosure = z.object({ date: calendarDay, reason: z.string().trim().max(100).optional().nullable() });
export type VenueClosure = z.infer<typeof venueClosure>;

export const venueBody = z.object({
  siteId: z.string().uuid(),
  name: z.string().trim().min(1).max(100),
  kind: z.enum(venueKinds),
  capacity: z.number().int().min(1).max(100000),
  openingSlots: z.array(openingSlot).min(1).max(200),
  closures: z.array(venueClosure).max(400).default([]),
  rules: z.string().trim().max(2000).optional().nullable(),
  cancelHours: z.number().int().min(0).max(720).default(2),
  maxPartySize: z.number().int().min(1).max(1000).default(5),
  address: z.string().trim().max(200).optional().nullable(),
});
export type VenueBody = z.infer<typeof venueBody>;
export const venueUpdateBody = venueBody.omit({ siteId: true }).extend({ version: z.number().int().min(1) });
export type VenueUpdateBody = z.infer<typeof venueUpdateBody>;

export const venueListQuery = pageQuery.extend({
  siteId: z.string().uuid().optional(),
  kind: z.enum(venueKinds).optional(),
  q: z.string().trim().max(50).optional(),
});
export type VenueListQuery = z.infer<typeof venueListQuery>;

export const venueSlotQuery = z.object({
  from: calendarDay.optional(),
  days: z.coerce.number().int().min(1).max(62).default(14),
});
export type VenueSlotQuery = z.infer<typeof venueSlotQuery>;

export const bookingBody = z
  .object({
    date: calendarDay,
    start: hhmm,
    kind: z.enum(bookingKinds).default('individual'),
    partySize: z.number().int().min(1).max(1000).default(1),
    groupName: z.string().trim().min(1).max(100).optional().nullable(),
    contactName: z.string().trim().min(1).max(50),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9+\- ]{5,20}$/, 'invalid_format')
      .optional()
      .nullable(),
    note: z.string().trim().max(500).optional().nullable(),
  })
  .refine((b) => b.kind !== 'group' || !!b.groupName, { path: ['groupName'], message: 'required' });
export type BookingBody = z.infer<typeof bookingBody>;

export const bookingReviewBody = z.object({
  approve: z.boolean(),
  note: z.string().trim().max(500).optional().nullable(),
});
export type BookingReviewBody = z.infer<typeof bookingReviewBody>;
export const checkInBody = z.object({ token: z.string().trim().min(8).max(64) });
export type CheckInBody = z.infer<typeof checkInBody>;
export const bookingListQuery = pageQuery.extend({
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  status: z.enum(bookingStatuses).optional(),
});
export type BookingListQuery = z.infer<typeof bookingListQuery>;
export const venueUsageQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_format')
    .optional(),
});
export type VenueUsageQuery = z.infer<typeof venueUsageQuery>;

export interface VenueView {
  id: string;
  siteId: string;
  siteName: string;
  regionCode: string;
  name: string;
  kind: VenueKind;
  kindLabel: string;
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

/** One opening of a venue on a day, with its free places. */
export interface VenueSlotView {
  date: string;
  start: string;
  end: string;
  startsAt: string;
  capacity: number;
  booked: number;
  free: number;
}

export interface BookingView {
  id: string;
  venueId: string;
  venueName: string;
  siteName: string;
  date: string;
  start: string;
  end: string;
  startsAt: string;
  kind: BookingKind;
  partySize: number;
  groupName: string | null;
  contactName: string;
  contactPhone: string | null;
  note: string | null;
  status: BookingStatus;
  statusLabel: string;
  reviewNote: string | null;
  checkedInAt: string | null;
  createdAt: string;
  actions: BookingAction[];
}

export interface BookingTicketView extends BookingView {
  token: string;
  qrSvg: string;
}

export interface VenueUsageView {
  venueId: string;
  venueName: string;
  siteName: string;
  month: string;
  /** Places offered: capacity × openings of the month, closures left out. */
  offeredPlaces: number;
  bookedPlaces: number;
  attendedPlaces: number;
  noShowPlaces: number;
  /** attendedPlaces / offeredPlaces, 0–1 with four decimals. */
  usageRate: number;
  /** bookedPlaces / offeredPlaces. */
  bookingRate: number;
}
