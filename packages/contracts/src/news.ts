// News and typical cases (SPEC 4.11, 工作动态、典型案例): bodies, views and the review lifecycle as data.
import { z } from 'zod';
import { pageQuery } from './common';
import type { Permission } from './permissions';

export const newsKinds = ['news', 'case'] as const;
export type NewsKind = (typeof newsKinds)[number];
export const newsKindLabels: Record<NewsKind, string> = { news: '工作动态', case: '典型案例' };

export const newsStatuses = ['draft', 'in_review', 'published', 'returned'] as const;
export type NewsStatus = (typeof newsStatuses)[number];
export const newsStatusLabels: Record<NewsStatus, string> = {
  draft: '草稿',
  in_review: '待审核',
  published: '已发布',
  returned: '已退回',
};

export const newsActions = ['submit', 'publish', 'return', 'withdraw'] as const;
export type NewsAction = (typeof newsActions)[number];
export const newsActionLabels: Record<NewsAction, string> = {
  submit: '提交审核',
  publish: '审核发布',
  return: '退回修改',
  withdraw: '撤回发布',
};
export const newsActionPermissions: Record<NewsAction, Permission> = {
  submit: 'news.write',
  publish: 'news.review',
  return: 'news.review',
  withdraw: 'news.review',
};

export interface NewsTransition {
  from: NewsStatus;
  action: NewsAction;
  to: NewsStatus;
}

/** Every allowed transition; anything else is 409 NEWS_TRANSITION_NOT_ALLOWED. */
export const newsTransitions: readonly NewsTransition[] = [
  { from: 'draft', action: 'submit', to: 'in_review' },
  { from: 'returned', action: 'submit', to: 'in_review' },
  { from: 'in_review', action: 'publish', to: 'published' },
  { from: 'in_review', action: 'return', to: 'returned' },
  { from: 'published', action: 'withdraw', to: 'draft' },
];

/** Statuses in which the author may still edit the article. */
export const newsEditableStatuses: readonly NewsStatus[] = ['draft', 'returned'];

/** The state an action leads to, or null when the machine has no such edge. */
export function nextNewsStatus(status: NewsStatus, action: NewsAction): NewsStatus | null {
  return newsTransitions.find((x) => x.from === status && x.action === action)?.to ?? null;
}

/** The actions a holder of these permissions may take in a state. */
export function allowedNewsActions(status: NewsStatus, permissions: Iterable<string>): NewsAction[] {
  const held = new Set(permissions);
  return newsTransitions
    .filter((x) => x.from === status && (held.has('*') || held.has(newsActionPermissions[x.action])))
    .map((x) => x.action);
}

export const newsBody = z.object({
  kind: z.enum(newsKinds),
  title: z.string().trim().min(1).max(120),
  summary: z.string().trim().max(300).optional().nullable(),
  /** Rich text (HTML); the server keeps only an allow-list of tags and attributes. */
  body: z.string().min(1).max(200_000),
  coverFileId: z.string().uuid().optional().nullable(),
  regionCode: z.string().trim().min(2).max(20),
  tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
});
export type NewsBody = z.infer<typeof newsBody>;
export const newsUpdateBody = newsBody.extend({ version: z.number().int().min(1) });
export type NewsUpdateBody = z.infer<typeof newsUpdateBody>;
export const newsActionBody = z.object({
  action: z.enum(newsActions),
  note: z.string().trim().max(500).optional().nullable(),
  version: z.number().int().min(1),
});
export type NewsActionBody = z.infer<typeof newsActionBody>;
export const newsListQuery = pageQuery.extend({
  status: z.enum(newsStatuses).optional(),
  kind: z.enum(newsKinds).optional(),
  q: z.string().trim().max(50).optional(),
});
export type NewsListQuery = z.infer<typeof newsListQuery>;
export const publicNewsQuery = pageQuery.extend({
  kind: z.enum(newsKinds).optional(),
  tag: z.string().trim().max(20).optional(),
  tenant: z.string().max(64).optional(),
});
export type PublicNewsQuery = z.infer<typeof publicNewsQuery>;
export const publicNewsParam = z.object({ id: z.string().uuid() });
export const publicTenantQuery = z.object({ tenant: z.string().max(64).optional() });

export interface NewsSummaryView {
  id: string;
  kind: NewsKind;
  kindLabel: string;
  title: string;
  summary: string | null;
  coverFileId: string | null;
  regionCode: string;
  regionName: string | null;
  tags: string[];
  status: NewsStatus;
  statusLabel: string;
  authorName: string | null;
  publishedAt: string | null;
  updatedAt: string;
}

export interface NewsView extends NewsSummaryView {
  body: string;
  reviewNote: string | null;
  version: number;
  actions: NewsAction[];
  canEdit: boolean;
}

export interface PublicNewsView {
  id: string;
  kind: NewsKind;
  kindLabel: string;
  title: string;
  summary: string | null;
  body?: string;
  coverUrl: string | null;
  regionName: string | null;
  tags: string[];
  publishedAt: string;
}
