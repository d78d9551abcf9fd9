// Who sees which list items: the community's staff by region (grid workers, stations, the office), a resident the
// needs they asked (own scope), and those who may claim every open item and the items they claimed.
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, can, scopeFilter } from '../../platform/access';

/** The item `i` (with its live claim `c`) is visible to the actor. */
export function itemScope(actor: Actor): SQL {
  const parts: SQL[] = [
    scopeFilter(actor, 'community.read', { regionCode: sql`i.region_code`, ownerId: sql`i.requester_account_id` }),
  ];
  if (can(actor, 'community.claim') || can(actor, 'community.manage')) parts.push(sql`i.status = 'open'`);
  if (actor.accountId) parts.push(sql`c.account_id = ${actor.accountId}::uuid`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** The actor may run the community's side of an item (review claims, close): manage scope over its region. */
export function manageScope(actor: Actor): SQL {
  return scopeFilter(actor, 'community.manage', { regionCode: sql`i.region_code` });
}
