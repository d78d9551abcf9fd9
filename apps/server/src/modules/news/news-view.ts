// Article rows as the views the API answers with.
import {
  type NewsView,
  type PublicNewsView,
  allowedNewsActions,
  newsEditableStatuses,
  newsKindLabels,
  newsStatusLabels,
} from '@wenming/contracts';
import { type Actor, permissionsOf } from '../../platform/access';
import type { ArticleRow, PublicArticleRow } from './news.repository';
import { isoOrNull } from '../../platform/clock';

/** An article as the desk sees it, with the actions this actor may take. */
export function toNewsView(r: ArticleRow, actor: Actor): NewsView {
  const own = !!actor.accountId && r.authorId === actor.accountId;
  const held = permissionsOf(actor).filter((p) => p !== 'news.review' || r.canReview);
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: newsKindLabels[r.kind] ?? '',
    title: r.title,
    summary: r.summary,
    body: r.body,
    coverFileId: r.coverFileId,
    regionCode: r.regionCode,
    regionName: r.regionName,
    tags: r.tags ?? [],
    status: r.status,
    statusLabel: newsStatusLabels[r.status] ?? '',
    authorName: r.authorName,
    reviewNote: r.reviewNote,
    publishedAt: isoOrNull(r.publishedAt),
    updatedAt: isoOrNull(r.updatedAt)!,
    version: Number(r.version),
    actions: allowedNewsActions(r.status, held),
    canEdit: newsEditableStatuses.includes(r.status) && (own || r.canReview),
  };
}

/** A published article as the public sees it; the body only on the detail page. */
export function toPublicView(r: PublicArticleRow, withBody: boolean): PublicNewsView {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: newsKindLabels[r.kind] ?? '',
    title: r.title,
    summary: r.summary,
    ...(withBody ? { body: r.body } : {}),
    coverUrl: r.coverFileId ? `/api/v1/public/news/${r.id}/cover` : null,
    regionName: r.regionName,
    tags: r.tags ?? [],
    publishedAt: isoOrNull(r.publishedAt)!,
  };
}
