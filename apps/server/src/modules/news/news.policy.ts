// Who sees which articles: their author always; writers and reviewers within their region scope (a city office:
// all). Anyone may read published articles through the public routes.
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, grantsFor, scopeFilter } from '../../platform/access';

/** The article `a` is the actor's own, or in their news.write or news.review scope. */
export function articleReadable(actor: Actor): SQL {
  const own = actor.accountId ? sql`a.author_id = ${actor.accountId}::uuid` : sql`false`;
  const write = scopeFilter(actor, 'news.write', { regionCode: sql`a.region_code` });
  const review = scopeFilter(actor, 'news.review', { regionCode: sql`a.region_code` });
  return sql`(${own} OR ${write} OR ${review})`;
}

/** The article `a` lies in the actor's news.review scope. */
export function articleReviewable(actor: Actor): SQL {
  return scopeFilter(actor, 'news.review', { regionCode: sql`a.region_code` });
}

/** The region `r` lies in the actor's news.write scope (a site-scoped writer may write for any region). */
export function regionWritable(actor: Actor): SQL {
  const inScope = scopeFilter(actor, 'news.write', { regionCode: sql`r.code` });
  const siteOnly = grantsFor(actor, 'news.write').every((g) => g.kind !== 'all' && g.kind !== 'region');
  return siteOnly ? sql`true` : inScope;
}
