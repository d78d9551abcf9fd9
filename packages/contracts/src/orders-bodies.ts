// Request bodies, queries and views of service orders and the service menu (zod), shared by server and web.
import { z } from 'zod';
import { pageQuery, calendarDay, versionField } from './common';
import {
  type OrderAction,
  type OrderKind,
  type OrderStatus,
  type OrderUrgency,
  type ServiceCategory,
  orderActions,
  orderKinds,
  orderStatuses,
  orderUrgencies,
  serviceCategories,
} from './orders-machine';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional().nullable();
const skillCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9_]{1,40}$/, 'invalid_format');
const day = calendarDay;

export const serviceItemBody = z.object({
  siteId: z.string().uuid(),
  category: z.enum(serviceCategories),
  name: text(100),
  description: optionalText(1000),
  /** Skill codes of the volunteers who can deliver it (any of them). */
  requiredSkills: z.array(skillCode).max(10).default([]),
  /** A team that delivers it, when there is one. */
  teamId: z.string().uuid().optional().nullable(),
  /** Hours a completion usually takes (a hint for the volunteer). */
  typicalHours: z.number().min(0.5).max(24).default(1),
  active: z.boolean().default(true),
});
export type ServiceItemBody = z.infer<typeof serviceItemBody>;
export const serviceItemPatchBody = serviceItemBody.omit({ siteId: true }).partial();
export type ServiceItemPatchBody = z.infer<typeof serviceItemPatchBody>;

export const serviceMenuQuery = z.object({ siteId: z.string().uuid().optional() });

export const orderCreateBody = z
  .object({
    /** Client-generated id: a resend with the same id stores the order once. */
    id: z.string().uuid().optional(),
    siteId: z.string().uuid(),
    kind: z.enum(orderKinds).default('menu'),
    itemId: z.string().uuid().optional().nullable(),
    title: optionalText(100),
    description: text(2000),
    urgency: z.enum(orderUrgencies).default('routine'),
    address: text(300),
    lat: z.number().min(-90).max(90).optional().nullable(),
    lng: z.number().min(-180).max(180).optional().nullable(),
    /** A grid worker ordering for a resident names them. */
    residentName: optionalText(50),
    residentPhone: z
      .string()
      .regex(/^1\d{10}$/, 'phone')
      .optional()
      .nullable(),
    /** The resident pays the volunteer's hours from their own time bank account (otherwise the fund pays). */
    payWithHours: z.boolean().default(false),
  })
  .refine((b) => b.kind !== 'menu' || !!b.itemId, { path: ['itemId'], message: 'required' })
  .refine((b) => (b.lat == null) === (b.lng == null), { path: ['lng'], message: 'required' });
export type OrderCreateBody = z.infer<typeof orderCreateBody>;

export const orderTransitionBody = z
  .object({
    action: z.enum(orderActions),
    reason: optionalText(1000),
    /** review: the earlier order this one duplicates; the order ends as merged and points to it. */
    mergeInto: z.string().uuid().optional().nullable(),
    /** dispatch: the volunteer, or the team whose members may accept. */
    volunteerId: z.string().uuid().optional().nullable(),
    teamId: z.string().uuid().optional().nullable(),
    /** complete */
    notes: optionalText(2000),
    photoFileIds: z.array(z.string().uuid()).max(20).default([]),
    hours: z.number().min(0.5).max(24).multipleOf(0.5).optional().nullable(),
    /** rate */
    rating: z.number().int().min(1).max(5).optional().nullable(),
    comment: optionalText(1000),
    /** The version the client saw: a changed order is a 409 STALE_VERSION. */
    version: versionField.optional(),
  })
  .refine((b) => !['reject', 'cancel'].includes(b.action) || !!b.reason, { path: ['reason'], message: 'required' })
  .refine((b) => b.action !== 'dispatch' || !!b.volunteerId || !!b.teamId, {
    path: ['volunteerId'],
    message: 'required',
  })
  .refine((b) => b.action !== 'complete' || b.hours != null, { path: ['hours'], message: 'required' })
  .refine((b) => b.action !== 'rate' || b.rating != null, { path: ['rating'], message: 'required' })
  .refine((b) => b.photoFileIds.length === 0 || b.action === 'complete', {
    path: ['photoFileIds'],
    message: 'invalid_value',
  });
export type OrderTransitionBody = z.infer<typeof orderTransitionBody>;

export const orderListQuery = pageQuery.extend({
  status: z.enum(orderStatuses).optional(),
  siteId: z.string().uuid().optional(),
  urgency: z.enum(orderUrgencies).optional(),
  /** ordered: mine as the resident; assigned: dispatched to or accepted by me; offered: open for grabbing. */
  mine: z.enum(['ordered', 'assigned', 'offered']).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(100).optional(),
});
export type OrderListQuery = z.infer<typeof orderListQuery>;

export const orderStatsQuery = z.object({
  siteId: z.string().uuid().optional(),
  from: day.optional(),
  to: day.optional(),
});
export type OrderStatsQuery = z.infer<typeof orderStatsQuery>;

// ---- views ----

export interface OrderRef {
  id: string;
  name: string;
}

export interface ServiceItemView {
  id: string;
  site: OrderRef;
  category: ServiceCategory;
  name: string;
  description: string | null;
  requiredSkills: string[];
  team: OrderRef | null;
  typicalHours: number;
  active: boolean;
}

export interface OrderView {
  id: string;
  number: string;
  kind: OrderKind;
  status: OrderStatus;
  site: OrderRef;
  item: (OrderRef & { category: ServiceCategory }) | null;
  title: string;
  description: string;
  urgency: OrderUrgency;
  address: string;
  lat: number | null;
  lng: number | null;
  regionCode: string;
  residentName: string | null;
  residentPhoneMasked: string | null;
  orderedBy: OrderRef;
  volunteer: OrderRef | null;
  team: OrderRef | null;
  mergedInto: string | null;
  payWithHours: boolean;
  respondBy: string;
  dueAt: string;
  acceptedAt: string | null;
  completedAt: string | null;
  /** Minutes from ordering to acceptance, once accepted. */
  responseMinutes: number | null;
  hours: number | null;
  rating: number | null;
  /** Why the order came back to the centre. */
  returnedFor: 'low_rating' | 'overdue' | null;
  isOverdue: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** What the viewer may do now (state machine × permissions × being the volunteer/orderer). */
  allowedActions: OrderAction[];
  /** For an open offer (抢单): whether the viewer's skills fit the item (null otherwise). */
  skillMatch: boolean | null;
}

export interface OrderHistoryView {
  action: OrderAction | 'return_overdue';
  fromStatus: OrderStatus;
  toStatus: OrderStatus;
  actorName: string;
  at: string;
  reason: string | null;
  detail: Record<string, unknown> | null;
}

export interface OrderDetailView extends OrderView {
  notes: string | null;
  ratingComment: string | null;
  photos: { fileId: string; url: string }[];
  history: OrderHistoryView[];
  /** The time bank movement that paid the volunteer, once completed. */
  paymentJournalId: string | null;
}

/** Why a candidate is proposed: a code rendered by `renderCandidateReason` with its parameters. */
export const candidateReasonCodes = [
  'skill_match',
  'no_skill_needed',
  'distance',
  'distance_unknown',
  'open_orders',
  'rating',
  'no_rating',
  'available_now',
  'team_member',
] as const;
export type CandidateReasonCode = (typeof candidateReasonCodes)[number];
export interface CandidateReason {
  code: CandidateReasonCode;
  params: Record<string, string | number>;
}

/** `GET /orders/:id/candidates?q=`: with `q`, any active volunteer whose name or number matches (manual pick). */
export const orderCandidatesQuery = z.object({ q: z.string().trim().max(50).optional() });
export type OrderCandidatesQuery = z.infer<typeof orderCandidatesQuery>;

/** The parts of a candidate's score (points of max); they add up to the score. */
export const candidateScoreParts = ['skill', 'distance', 'availability', 'load', 'rating'] as const;
export type CandidateScorePart = (typeof candidateScoreParts)[number];
export const candidateScoreMax: Record<CandidateScorePart, number> = {
  skill: 40,
  distance: 25,
  availability: 10,
  load: 15,
  rating: 10,
};

export interface OrderCandidateView {
  volunteerId: string;
  name: string;
  number: string;
  /** Σ of `parts`, 0–100. */
  score: number;
  parts: { part: CandidateScorePart; points: number; max: number }[];
  /** Where the distance was measured to: the volunteer's home or their site (null when unknown). */
  measuredFrom: 'home' | 'site' | null;
  distanceKm: number | null;
  openOrders: number;
  rating: number | null;
  ratingCount: number;
  matchedSkills: string[];
  availableNow: boolean;
  reasons: CandidateReason[];
  /** The reasons rendered in the viewer's language. */
  reasonTexts: string[];
}

export interface OrderResponseStatsView {
  from: string;
  to: string;
  rows: {
    site: OrderRef;
    urgency: OrderUrgency;
    targetHours: number;
    orders: number;
    accepted: number;
    avgResponseMinutes: number | null;
    p90ResponseMinutes: number | null;
    withinTarget: number;
    /** withinTarget / accepted, 0..1; null before any acceptance. */
    withinTargetRate: number | null;
    overdue: number;
  }[];
}
