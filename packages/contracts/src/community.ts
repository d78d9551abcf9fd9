// Grassroots co-governance (issue 18): the three lists — needs (需求清单), resources (资源清单), projects (项目清单)
// — and two-way claiming, as data shared by the server and the UI.
import { z } from 'zod';
import { calendarDay, pageQuery } from './common';

export const communityItemKinds = ['need', 'resource', 'project'] as const;
export type CommunityItemKind = (typeof communityItemKinds)[number];

/** Where an item came from: residents, grid workers and visits raise needs; the others offer resources. */
export const communityItemSources = [
  'resident',
  'grid_worker',
  'visit',
  'unit',
  'party_member',
  'volunteer',
  'business',
  'community',
] as const;
export type CommunityItemSource = (typeof communityItemSources)[number];

export const communityCategories = [
  'elderly',
  'children',
  'environment',
  'safety',
  'culture',
  'health',
  'other',
] as const;
export type CommunityCategory = (typeof communityCategories)[number];

/** open → claimed (a claim awaits review) → matched → done → confirmed by the resident, or closed after the days. */
export const communityItemStatuses = ['open', 'claimed', 'matched', 'done', 'confirmed', 'closed'] as const;
export type CommunityItemStatus = (typeof communityItemStatuses)[number];

export const communityActions = ['claim', 'approve', 'reject', 'complete', 'confirm', 'close'] as const;
export type CommunityAction = (typeof communityActions)[number];

/** The lifecycle of an item: from which statuses each action leads where. */
export const communityTransitions: Record<
  CommunityAction,
  { from: readonly CommunityItemStatus[]; to: CommunityItemStatus }
> = {
  claim: { from: ['open'], to: 'claimed' },
  approve: { from: ['claimed'], to: 'matched' },
  reject: { from: ['claimed'], to: 'open' },
  complete: { from: ['matched'], to: 'done' },
  confirm: { from: ['done'], to: 'confirmed' },
  close: { from: ['done'], to: 'closed' },
};

/** The status an action leads to from `status`, or null when it is not allowed there. */
export function nextCommunityStatus(status: CommunityItemStatus, action: CommunityAction): CommunityItemStatus | null {
  const t = communityTransitions[action];
  return t.from.includes(status) ? t.to : null;
}

/** A claim: pending review, accepted (matched), rejected, or done. */
export const communityClaimStatuses = ['pending', 'accepted', 'rejected', 'done'] as const;
export type CommunityClaimStatus = (typeof communityClaimStatuses)[number];

/** Days after a claim is done before a need may be closed without the resident's confirmation. */
export const COMMUNITY_CLOSE_WITHOUT_CONFIRMATION_DAYS = 7;

export const communityItemBody = z.object({
  kind: z.enum(communityItemKinds),
  title: z.string().trim().min(1).max(100),
  description: z.string().trim().max(1000).optional().nullable(),
  category: z.enum(communityCategories),
  quantity: z.number().int().min(1).max(100_000).default(1),
  dueDate: calendarDay.optional().nullable(),
  regionCode: z.string().regex(/^\d{2,12}$/, 'invalid_format'),
  gridId: z.string().uuid().optional().nullable(),
  source: z.enum(communityItemSources),
  ownerName: z.string().trim().min(1).max(60),
  /** The resident (sign-in account) who asked, who confirms the need is met. */
  requesterAccountId: z.string().uuid().optional().nullable(),
});
export type CommunityItemBody = z.infer<typeof communityItemBody>;

export const communityItemQuery = pageQuery.extend({
  kind: z.enum(communityItemKinds).optional(),
  status: z.enum(communityItemStatuses).optional(),
  gridId: z.string().uuid().optional(),
  category: z.enum(communityCategories).optional(),
});
export type CommunityItemQuery = z.infer<typeof communityItemQuery>;

export const communityClaimBody = z.object({
  claimantName: z.string().trim().min(1).max(60),
  unitId: z.string().uuid().optional().nullable(),
  note: z.string().trim().max(500).optional().nullable(),
});
export type CommunityClaimBody = z.infer<typeof communityClaimBody>;

export const communityActionBody = z.object({
  action: z.enum(['approve', 'reject', 'complete', 'confirm', 'close']),
  note: z.string().trim().max(500).optional().nullable(),
});
export type CommunityActionBody = z.infer<typeof communityActionBody>;

export const publicNeedsQuery = pageQuery.extend({
  tenant: z.string().max(64).optional(),
  gridId: z.string().uuid().optional(),
  category: z.enum(communityCategories).optional(),
});
export type PublicNeedsQuery = z.infer<typeof publicNeedsQuery>;

export interface CommunityClaimView {
  id: string;
  claimantName: string;
  unitId: string | null;
  status: CommunityClaimStatus;
  note: string | null;
  createdAt: string;
}

export interface CommunityItemView {
  id: string;
  kind: CommunityItemKind;
  title: string;
  description: string | null;
  category: CommunityCategory;
  quantity: number;
  dueDate: string | null;
  regionCode: string;
  gridId: string | null;
  source: CommunityItemSource;
  ownerName: string;
  status: CommunityItemStatus;
  claim: CommunityClaimView | null;
  createdAt: string;
  doneAt: string | null;
}

/** An open need on the public board: no personal data. */
export interface PublicNeedView {
  id: string;
  title: string;
  category: CommunityCategory;
  quantity: number;
  dueDate: string | null;
  gridId: string | null;
  createdAt: string;
}
